# Generated from rollback-log.json by `python -m envsync.schemas.compiled`: do not edit.
# fastjsonschema 2.22.3
# mypy: ignore-errors
# ruff: noqa
SCHEMA_CHECKSUM = 'crc32:6d7a6447'
VERSION = "2.22.3"
Decimal = float  # no document holds a Decimal
import re
from envsync.schemas.violation import JsonSchemaValueException, JsonSchemaValuesException


REGEX_PATTERNS = {
    '^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z$': re.compile('^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z\\Z')
}

NoneType = type(None)

def validate_https___envsync_dev_schemas_rollback_log_json(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'https://json-schema.org/draft/2020-12/schema', '$id': 'https://envsync.dev/schemas/rollback-log.json', 'title': 'envsync.rollback-log/v1', 'description': 'One line of `<snapshots>/<env>/rollbacks.jsonl`: one executed (or refused) rollback.', 'type': 'object', 'required': ['started', 'environment', 'level', 'point', 'result', 'steps', 'not_run', 'failure', 'seconds'], 'additionalProperties': False, 'properties': {'schema': {'const': 'envsync.rollback-log/v1'}, 'started': {'type': 'string', 'pattern': '^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z$'}, 'environment': {'type': 'string'}, 'level': {'enum': [1, 2, 3]}, 'point': {'type': 'string'}, 'result': {'enum': ['ok', 'failed', 'health-failed', 'verify-failed', 'interrupted', 'precondition-failed']}, 'steps': {'type': 'array', 'items': {'type': 'object', 'required': ['title', 'command', 'returncode', 'seconds'], 'additionalProperties': False, 'properties': {'title': {'type': 'string'}, 'command': {'type': 'string'}, 'returncode': {'type': ['integer', 'null']}, 'seconds': {'type': 'number'}}}}, 'not_run': {'type': 'array', 'items': {'type': 'string'}}, 'failure': {'type': ['string', 'null']}, 'health': {'type': 'object', 'additionalProperties': {'type': 'object', 'required': ['status'], 'properties': {'status': {'enum': ['ok', 'failed', 'error']}}}}, 'kept': {'description': 'The folder holding copies of the files the rollback overwrote that git could not give back (--force), or null.', 'type': ['string', 'null']}, 'kept_files': {'type': 'array', 'items': {'type': 'string'}}, 'before_tag': {'type': ['string', 'null']}, 'before_snapshot': {'type': ['string', 'null']}, 'go_back': {'type': ['string', 'null']}, 'signal': {'description': 'SIGINT or SIGTERM when one stopped the rollback (result interrupted), else null.', 'type': ['string', 'null']}, 'interrupted_at': {'description': 'The step (1-based) running, or next to run, when the signal came.', 'type': ['integer', 'null']}, 'settled': {'description': 'After an interrupt: the steps that brought the services back (compose up --no-recreate).', 'type': 'array', 'items': {'type': 'object', 'required': ['title', 'command', 'returncode', 'seconds'], 'additionalProperties': False, 'properties': {'title': {'type': 'string'}, 'command': {'type': 'string'}, 'returncode': {'type': ['integer', 'null']}, 'seconds': {'type': 'number'}}}}, 'differences': {'description': 'What runs and differs from the restore point after the steps (result verify-failed).', 'type': 'array', 'items': {'type': 'string'}}, 'seconds': {'type': 'number'}, 'log': {'type': 'string'}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['started', 'environment', 'level', 'point', 'result', 'steps', 'not_run', 'failure', 'seconds']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'https://json-schema.org/draft/2020-12/schema', '$id': 'https://envsync.dev/schemas/rollback-log.json', 'title': 'envsync.rollback-log/v1', 'description': 'One line of `<snapshots>/<env>/rollbacks.jsonl`: one executed (or refused) rollback.', 'type': 'object', 'required': ['started', 'environment', 'level', 'point', 'result', 'steps', 'not_run', 'failure', 'seconds'], 'additionalProperties': False, 'properties': {'schema': {'const': 'envsync.rollback-log/v1'}, 'started': {'type': 'string', 'pattern': '^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z$'}, 'environment': {'type': 'string'}, 'level': {'enum': [1, 2, 3]}, 'point': {'type': 'string'}, 'result': {'enum': ['ok', 'failed', 'health-failed', 'verify-failed', 'interrupted', 'precondition-failed']}, 'steps': {'type': 'array', 'items': {'type': 'object', 'required': ['title', 'command', 'returncode', 'seconds'], 'additionalProperties': False, 'properties': {'title': {'type': 'string'}, 'command': {'type': 'string'}, 'returncode': {'type': ['integer', 'null']}, 'seconds': {'type': 'number'}}}}, 'not_run': {'type': 'array', 'items': {'type': 'string'}}, 'failure': {'type': ['string', 'null']}, 'health': {'type': 'object', 'additionalProperties': {'type': 'object', 'required': ['status'], 'properties': {'status': {'enum': ['ok', 'failed', 'error']}}}}, 'kept': {'description': 'The folder holding copies of the files the rollback overwrote that git could not give back (--force), or null.', 'type': ['string', 'null']}, 'kept_files': {'type': 'array', 'items': {'type': 'string'}}, 'before_tag': {'type': ['string', 'null']}, 'before_snapshot': {'type': ['string', 'null']}, 'go_back': {'type': ['string', 'null']}, 'signal': {'description': 'SIGINT or SIGTERM when one stopped the rollback (result interrupted), else null.', 'type': ['string', 'null']}, 'interrupted_at': {'description': 'The step (1-based) running, or next to run, when the signal came.', 'type': ['integer', 'null']}, 'settled': {'description': 'After an interrupt: the steps that brought the services back (compose up --no-recreate).', 'type': 'array', 'items': {'type': 'object', 'required': ['title', 'command', 'returncode', 'seconds'], 'additionalProperties': False, 'properties': {'title': {'type': 'string'}, 'command': {'type': 'string'}, 'returncode': {'type': ['integer', 'null']}, 'seconds': {'type': 'number'}}}}, 'differences': {'description': 'What runs and differs from the restore point after the steps (result verify-failed).', 'type': 'array', 'items': {'type': 'string'}}, 'seconds': {'type': 'number'}, 'log': {'type': 'string'}}}, rule='required')
        data_keys = set(data.keys())
        if "schema" in data_keys:
            data_keys.remove("schema")
            data__schema = data["schema"]
            if not (isinstance(data__schema, str) and data__schema == 'envsync.rollback-log/v1'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".schema must be same as const definition: envsync.rollback-log/v1", value=data__schema, name="" + (name_prefix or "data") + ".schema", definition={'const': 'envsync.rollback-log/v1'}, rule='const')
        if "started" in data_keys:
            data_keys.remove("started")
            data__started = data["started"]
            if not isinstance(data__started, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".started must be string", value=data__started, name="" + (name_prefix or "data") + ".started", definition={'type': 'string', 'pattern': '^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z$'}, rule='type')
            if isinstance(data__started, str):
                if not REGEX_PATTERNS['^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z$'].search(data__started):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".started must match pattern ^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z$", value=data__started, name="" + (name_prefix or "data") + ".started", definition={'type': 'string', 'pattern': '^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z$'}, rule='pattern')
        if "environment" in data_keys:
            data_keys.remove("environment")
            data__environment = data["environment"]
            if not isinstance(data__environment, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".environment must be string", value=data__environment, name="" + (name_prefix or "data") + ".environment", definition={'type': 'string'}, rule='type')
        if "level" in data_keys:
            data_keys.remove("level")
            data__level = data["level"]
            if not (isinstance(data__level, (int, float)) and not isinstance(data__level, bool) and data__level == 1 or isinstance(data__level, (int, float)) and not isinstance(data__level, bool) and data__level == 2 or isinstance(data__level, (int, float)) and not isinstance(data__level, bool) and data__level == 3):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".level must be one of [1, 2, 3]", value=data__level, name="" + (name_prefix or "data") + ".level", definition={'enum': [1, 2, 3]}, rule='enum')
        if "point" in data_keys:
            data_keys.remove("point")
            data__point = data["point"]
            if not isinstance(data__point, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".point must be string", value=data__point, name="" + (name_prefix or "data") + ".point", definition={'type': 'string'}, rule='type')
        if "result" in data_keys:
            data_keys.remove("result")
            data__result = data["result"]
            if not (isinstance(data__result, str) and data__result == 'ok' or isinstance(data__result, str) and data__result == 'failed' or isinstance(data__result, str) and data__result == 'health-failed' or isinstance(data__result, str) and data__result == 'verify-failed' or isinstance(data__result, str) and data__result == 'interrupted' or isinstance(data__result, str) and data__result == 'precondition-failed'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".result must be one of ['ok', 'failed', 'health-failed', 'verify-failed', 'interrupted', 'precondition-failed']", value=data__result, name="" + (name_prefix or "data") + ".result", definition={'enum': ['ok', 'failed', 'health-failed', 'verify-failed', 'interrupted', 'precondition-failed']}, rule='enum')
        if "steps" in data_keys:
            data_keys.remove("steps")
            data__steps = data["steps"]
            if not isinstance(data__steps, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".steps must be array", value=data__steps, name="" + (name_prefix or "data") + ".steps", definition={'type': 'array', 'items': {'type': 'object', 'required': ['title', 'command', 'returncode', 'seconds'], 'additionalProperties': False, 'properties': {'title': {'type': 'string'}, 'command': {'type': 'string'}, 'returncode': {'type': ['integer', 'null']}, 'seconds': {'type': 'number'}}}}, rule='type')
            data__steps_is_list = isinstance(data__steps, (list, tuple))
            if data__steps_is_list:
                data__steps_len = len(data__steps)
                for data__steps_x, data__steps_item in enumerate(data__steps):
                    if not isinstance(data__steps_item, (dict)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".steps[{data__steps_x}]".format(**locals()) + " must be object", value=data__steps_item, name="" + (name_prefix or "data") + ".steps[{data__steps_x}]".format(**locals()) + "", definition={'type': 'object', 'required': ['title', 'command', 'returncode', 'seconds'], 'additionalProperties': False, 'properties': {'title': {'type': 'string'}, 'command': {'type': 'string'}, 'returncode': {'type': ['integer', 'null']}, 'seconds': {'type': 'number'}}}, rule='type')
                    data__steps_item_is_dict = isinstance(data__steps_item, dict)
                    if data__steps_item_is_dict:
                        data__steps_item__missing_keys = set(['title', 'command', 'returncode', 'seconds']) - data__steps_item.keys()
                        if data__steps_item__missing_keys:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".steps[{data__steps_x}]".format(**locals()) + " must contain " + (str(sorted(data__steps_item__missing_keys)) + " properties"), value=data__steps_item, name="" + (name_prefix or "data") + ".steps[{data__steps_x}]".format(**locals()) + "", definition={'type': 'object', 'required': ['title', 'command', 'returncode', 'seconds'], 'additionalProperties': False, 'properties': {'title': {'type': 'string'}, 'command': {'type': 'string'}, 'returncode': {'type': ['integer', 'null']}, 'seconds': {'type': 'number'}}}, rule='required')
                        data__steps_item_keys = set(data__steps_item.keys())
                        if "title" in data__steps_item_keys:
                            data__steps_item_keys.remove("title")
                            data__steps_item__title = data__steps_item["title"]
                            if not isinstance(data__steps_item__title, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".steps[{data__steps_x}].title".format(**locals()) + " must be string", value=data__steps_item__title, name="" + (name_prefix or "data") + ".steps[{data__steps_x}].title".format(**locals()) + "", definition={'type': 'string'}, rule='type')
                        if "command" in data__steps_item_keys:
                            data__steps_item_keys.remove("command")
                            data__steps_item__command = data__steps_item["command"]
                            if not isinstance(data__steps_item__command, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".steps[{data__steps_x}].command".format(**locals()) + " must be string", value=data__steps_item__command, name="" + (name_prefix or "data") + ".steps[{data__steps_x}].command".format(**locals()) + "", definition={'type': 'string'}, rule='type')
                        if "returncode" in data__steps_item_keys:
                            data__steps_item_keys.remove("returncode")
                            data__steps_item__returncode = data__steps_item["returncode"]
                            if not isinstance(data__steps_item__returncode, (int, NoneType)) and not (isinstance(data__steps_item__returncode, float) and data__steps_item__returncode.is_integer()) or isinstance(data__steps_item__returncode, bool):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".steps[{data__steps_x}].returncode".format(**locals()) + " must be integer or null", value=data__steps_item__returncode, name="" + (name_prefix or "data") + ".steps[{data__steps_x}].returncode".format(**locals()) + "", definition={'type': ['integer', 'null']}, rule='type')
                        if "seconds" in data__steps_item_keys:
                            data__steps_item_keys.remove("seconds")
                            data__steps_item__seconds = data__steps_item["seconds"]
                            if not isinstance(data__steps_item__seconds, (int, float, Decimal)) or isinstance(data__steps_item__seconds, bool):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".steps[{data__steps_x}].seconds".format(**locals()) + " must be number", value=data__steps_item__seconds, name="" + (name_prefix or "data") + ".steps[{data__steps_x}].seconds".format(**locals()) + "", definition={'type': 'number'}, rule='type')
                        if data__steps_item_keys:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".steps[{data__steps_x}]".format(**locals()) + " must not contain "+str(data__steps_item_keys)+" properties", value=data__steps_item, name="" + (name_prefix or "data") + ".steps[{data__steps_x}]".format(**locals()) + "", definition={'type': 'object', 'required': ['title', 'command', 'returncode', 'seconds'], 'additionalProperties': False, 'properties': {'title': {'type': 'string'}, 'command': {'type': 'string'}, 'returncode': {'type': ['integer', 'null']}, 'seconds': {'type': 'number'}}}, rule='additionalProperties')
        if "not_run" in data_keys:
            data_keys.remove("not_run")
            data__notrun = data["not_run"]
            if not isinstance(data__notrun, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".not_run must be array", value=data__notrun, name="" + (name_prefix or "data") + ".not_run", definition={'type': 'array', 'items': {'type': 'string'}}, rule='type')
            data__notrun_is_list = isinstance(data__notrun, (list, tuple))
            if data__notrun_is_list:
                data__notrun_len = len(data__notrun)
                for data__notrun_x, data__notrun_item in enumerate(data__notrun):
                    if not isinstance(data__notrun_item, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".not_run[{data__notrun_x}]".format(**locals()) + " must be string", value=data__notrun_item, name="" + (name_prefix or "data") + ".not_run[{data__notrun_x}]".format(**locals()) + "", definition={'type': 'string'}, rule='type')
        if "failure" in data_keys:
            data_keys.remove("failure")
            data__failure = data["failure"]
            if not isinstance(data__failure, (str, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".failure must be string or null", value=data__failure, name="" + (name_prefix or "data") + ".failure", definition={'type': ['string', 'null']}, rule='type')
        if "health" in data_keys:
            data_keys.remove("health")
            data__health = data["health"]
            if not isinstance(data__health, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".health must be object", value=data__health, name="" + (name_prefix or "data") + ".health", definition={'type': 'object', 'additionalProperties': {'type': 'object', 'required': ['status'], 'properties': {'status': {'enum': ['ok', 'failed', 'error']}}}}, rule='type')
            data__health_is_dict = isinstance(data__health, dict)
            if data__health_is_dict:
                data__health_keys = set(data__health.keys())
                for data__health_key in data__health_keys:
                    if data__health_key not in []:
                        data__health_value = data__health.get(data__health_key)
                        if not isinstance(data__health_value, (dict)):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".health.{data__health_key}".format(**locals()) + " must be object", value=data__health_value, name="" + (name_prefix or "data") + ".health.{data__health_key}".format(**locals()) + "", definition={'type': 'object', 'required': ['status'], 'properties': {'status': {'enum': ['ok', 'failed', 'error']}}}, rule='type')
                        data__health_value_is_dict = isinstance(data__health_value, dict)
                        if data__health_value_is_dict:
                            data__health_value__missing_keys = set(['status']) - data__health_value.keys()
                            if data__health_value__missing_keys:
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".health.{data__health_key}".format(**locals()) + " must contain " + (str(sorted(data__health_value__missing_keys)) + " properties"), value=data__health_value, name="" + (name_prefix or "data") + ".health.{data__health_key}".format(**locals()) + "", definition={'type': 'object', 'required': ['status'], 'properties': {'status': {'enum': ['ok', 'failed', 'error']}}}, rule='required')
                            data__health_value_keys = set(data__health_value.keys())
                            if "status" in data__health_value_keys:
                                data__health_value_keys.remove("status")
                                data__health_value__status = data__health_value["status"]
                                if not (isinstance(data__health_value__status, str) and data__health_value__status == 'ok' or isinstance(data__health_value__status, str) and data__health_value__status == 'failed' or isinstance(data__health_value__status, str) and data__health_value__status == 'error'):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".health.{data__health_key}.status".format(**locals()) + " must be one of ['ok', 'failed', 'error']", value=data__health_value__status, name="" + (name_prefix or "data") + ".health.{data__health_key}.status".format(**locals()) + "", definition={'enum': ['ok', 'failed', 'error']}, rule='enum')
        if "kept" in data_keys:
            data_keys.remove("kept")
            data__kept = data["kept"]
            if not isinstance(data__kept, (str, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".kept must be string or null", value=data__kept, name="" + (name_prefix or "data") + ".kept", definition={'description': 'The folder holding copies of the files the rollback overwrote that git could not give back (--force), or null.', 'type': ['string', 'null']}, rule='type')
        if "kept_files" in data_keys:
            data_keys.remove("kept_files")
            data__keptfiles = data["kept_files"]
            if not isinstance(data__keptfiles, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".kept_files must be array", value=data__keptfiles, name="" + (name_prefix or "data") + ".kept_files", definition={'type': 'array', 'items': {'type': 'string'}}, rule='type')
            data__keptfiles_is_list = isinstance(data__keptfiles, (list, tuple))
            if data__keptfiles_is_list:
                data__keptfiles_len = len(data__keptfiles)
                for data__keptfiles_x, data__keptfiles_item in enumerate(data__keptfiles):
                    if not isinstance(data__keptfiles_item, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".kept_files[{data__keptfiles_x}]".format(**locals()) + " must be string", value=data__keptfiles_item, name="" + (name_prefix or "data") + ".kept_files[{data__keptfiles_x}]".format(**locals()) + "", definition={'type': 'string'}, rule='type')
        if "before_tag" in data_keys:
            data_keys.remove("before_tag")
            data__beforetag = data["before_tag"]
            if not isinstance(data__beforetag, (str, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".before_tag must be string or null", value=data__beforetag, name="" + (name_prefix or "data") + ".before_tag", definition={'type': ['string', 'null']}, rule='type')
        if "before_snapshot" in data_keys:
            data_keys.remove("before_snapshot")
            data__beforesnapshot = data["before_snapshot"]
            if not isinstance(data__beforesnapshot, (str, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".before_snapshot must be string or null", value=data__beforesnapshot, name="" + (name_prefix or "data") + ".before_snapshot", definition={'type': ['string', 'null']}, rule='type')
        if "go_back" in data_keys:
            data_keys.remove("go_back")
            data__goback = data["go_back"]
            if not isinstance(data__goback, (str, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".go_back must be string or null", value=data__goback, name="" + (name_prefix or "data") + ".go_back", definition={'type': ['string', 'null']}, rule='type')
        if "signal" in data_keys:
            data_keys.remove("signal")
            data__signal = data["signal"]
            if not isinstance(data__signal, (str, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".signal must be string or null", value=data__signal, name="" + (name_prefix or "data") + ".signal", definition={'description': 'SIGINT or SIGTERM when one stopped the rollback (result interrupted), else null.', 'type': ['string', 'null']}, rule='type')
        if "interrupted_at" in data_keys:
            data_keys.remove("interrupted_at")
            data__interruptedat = data["interrupted_at"]
            if not isinstance(data__interruptedat, (int, NoneType)) and not (isinstance(data__interruptedat, float) and data__interruptedat.is_integer()) or isinstance(data__interruptedat, bool):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".interrupted_at must be integer or null", value=data__interruptedat, name="" + (name_prefix or "data") + ".interrupted_at", definition={'description': 'The step (1-based) running, or next to run, when the signal came.', 'type': ['integer', 'null']}, rule='type')
        if "settled" in data_keys:
            data_keys.remove("settled")
            data__settled = data["settled"]
            if not isinstance(data__settled, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".settled must be array", value=data__settled, name="" + (name_prefix or "data") + ".settled", definition={'description': 'After an interrupt: the steps that brought the services back (compose up --no-recreate).', 'type': 'array', 'items': {'type': 'object', 'required': ['title', 'command', 'returncode', 'seconds'], 'additionalProperties': False, 'properties': {'title': {'type': 'string'}, 'command': {'type': 'string'}, 'returncode': {'type': ['integer', 'null']}, 'seconds': {'type': 'number'}}}}, rule='type')
            data__settled_is_list = isinstance(data__settled, (list, tuple))
            if data__settled_is_list:
                data__settled_len = len(data__settled)
                for data__settled_x, data__settled_item in enumerate(data__settled):
                    if not isinstance(data__settled_item, (dict)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".settled[{data__settled_x}]".format(**locals()) + " must be object", value=data__settled_item, name="" + (name_prefix or "data") + ".settled[{data__settled_x}]".format(**locals()) + "", definition={'type': 'object', 'required': ['title', 'command', 'returncode', 'seconds'], 'additionalProperties': False, 'properties': {'title': {'type': 'string'}, 'command': {'type': 'string'}, 'returncode': {'type': ['integer', 'null']}, 'seconds': {'type': 'number'}}}, rule='type')
                    data__settled_item_is_dict = isinstance(data__settled_item, dict)
                    if data__settled_item_is_dict:
                        data__settled_item__missing_keys = set(['title', 'command', 'returncode', 'seconds']) - data__settled_item.keys()
                        if data__settled_item__missing_keys:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".settled[{data__settled_x}]".format(**locals()) + " must contain " + (str(sorted(data__settled_item__missing_keys)) + " properties"), value=data__settled_item, name="" + (name_prefix or "data") + ".settled[{data__settled_x}]".format(**locals()) + "", definition={'type': 'object', 'required': ['title', 'command', 'returncode', 'seconds'], 'additionalProperties': False, 'properties': {'title': {'type': 'string'}, 'command': {'type': 'string'}, 'returncode': {'type': ['integer', 'null']}, 'seconds': {'type': 'number'}}}, rule='required')
                        data__settled_item_keys = set(data__settled_item.keys())
                        if "title" in data__settled_item_keys:
                            data__settled_item_keys.remove("title")
                            data__settled_item__title = data__settled_item["title"]
                            if not isinstance(data__settled_item__title, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".settled[{data__settled_x}].title".format(**locals()) + " must be string", value=data__settled_item__title, name="" + (name_prefix or "data") + ".settled[{data__settled_x}].title".format(**locals()) + "", definition={'type': 'string'}, rule='type')
                        if "command" in data__settled_item_keys:
                            data__settled_item_keys.remove("command")
                            data__settled_item__command = data__settled_item["command"]
                            if not isinstance(data__settled_item__command, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".settled[{data__settled_x}].command".format(**locals()) + " must be string", value=data__settled_item__command, name="" + (name_prefix or "data") + ".settled[{data__settled_x}].command".format(**locals()) + "", definition={'type': 'string'}, rule='type')
                        if "returncode" in data__settled_item_keys:
                            data__settled_item_keys.remove("returncode")
                            data__settled_item__returncode = data__settled_item["returncode"]
                            if not isinstance(data__settled_item__returncode, (int, NoneType)) and not (isinstance(data__settled_item__returncode, float) and data__settled_item__returncode.is_integer()) or isinstance(data__settled_item__returncode, bool):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".settled[{data__settled_x}].returncode".format(**locals()) + " must be integer or null", value=data__settled_item__returncode, name="" + (name_prefix or "data") + ".settled[{data__settled_x}].returncode".format(**locals()) + "", definition={'type': ['integer', 'null']}, rule='type')
                        if "seconds" in data__settled_item_keys:
                            data__settled_item_keys.remove("seconds")
                            data__settled_item__seconds = data__settled_item["seconds"]
                            if not isinstance(data__settled_item__seconds, (int, float, Decimal)) or isinstance(data__settled_item__seconds, bool):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".settled[{data__settled_x}].seconds".format(**locals()) + " must be number", value=data__settled_item__seconds, name="" + (name_prefix or "data") + ".settled[{data__settled_x}].seconds".format(**locals()) + "", definition={'type': 'number'}, rule='type')
                        if data__settled_item_keys:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".settled[{data__settled_x}]".format(**locals()) + " must not contain "+str(data__settled_item_keys)+" properties", value=data__settled_item, name="" + (name_prefix or "data") + ".settled[{data__settled_x}]".format(**locals()) + "", definition={'type': 'object', 'required': ['title', 'command', 'returncode', 'seconds'], 'additionalProperties': False, 'properties': {'title': {'type': 'string'}, 'command': {'type': 'string'}, 'returncode': {'type': ['integer', 'null']}, 'seconds': {'type': 'number'}}}, rule='additionalProperties')
        if "differences" in data_keys:
            data_keys.remove("differences")
            data__differences = data["differences"]
            if not isinstance(data__differences, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".differences must be array", value=data__differences, name="" + (name_prefix or "data") + ".differences", definition={'description': 'What runs and differs from the restore point after the steps (result verify-failed).', 'type': 'array', 'items': {'type': 'string'}}, rule='type')
            data__differences_is_list = isinstance(data__differences, (list, tuple))
            if data__differences_is_list:
                data__differences_len = len(data__differences)
                for data__differences_x, data__differences_item in enumerate(data__differences):
                    if not isinstance(data__differences_item, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".differences[{data__differences_x}]".format(**locals()) + " must be string", value=data__differences_item, name="" + (name_prefix or "data") + ".differences[{data__differences_x}]".format(**locals()) + "", definition={'type': 'string'}, rule='type')
        if "seconds" in data_keys:
            data_keys.remove("seconds")
            data__seconds = data["seconds"]
            if not isinstance(data__seconds, (int, float, Decimal)) or isinstance(data__seconds, bool):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".seconds must be number", value=data__seconds, name="" + (name_prefix or "data") + ".seconds", definition={'type': 'number'}, rule='type')
        if "log" in data_keys:
            data_keys.remove("log")
            data__log = data["log"]
            if not isinstance(data__log, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".log must be string", value=data__log, name="" + (name_prefix or "data") + ".log", definition={'type': 'string'}, rule='type')
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'https://json-schema.org/draft/2020-12/schema', '$id': 'https://envsync.dev/schemas/rollback-log.json', 'title': 'envsync.rollback-log/v1', 'description': 'One line of `<snapshots>/<env>/rollbacks.jsonl`: one executed (or refused) rollback.', 'type': 'object', 'required': ['started', 'environment', 'level', 'point', 'result', 'steps', 'not_run', 'failure', 'seconds'], 'additionalProperties': False, 'properties': {'schema': {'const': 'envsync.rollback-log/v1'}, 'started': {'type': 'string', 'pattern': '^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z$'}, 'environment': {'type': 'string'}, 'level': {'enum': [1, 2, 3]}, 'point': {'type': 'string'}, 'result': {'enum': ['ok', 'failed', 'health-failed', 'verify-failed', 'interrupted', 'precondition-failed']}, 'steps': {'type': 'array', 'items': {'type': 'object', 'required': ['title', 'command', 'returncode', 'seconds'], 'additionalProperties': False, 'properties': {'title': {'type': 'string'}, 'command': {'type': 'string'}, 'returncode': {'type': ['integer', 'null']}, 'seconds': {'type': 'number'}}}}, 'not_run': {'type': 'array', 'items': {'type': 'string'}}, 'failure': {'type': ['string', 'null']}, 'health': {'type': 'object', 'additionalProperties': {'type': 'object', 'required': ['status'], 'properties': {'status': {'enum': ['ok', 'failed', 'error']}}}}, 'kept': {'description': 'The folder holding copies of the files the rollback overwrote that git could not give back (--force), or null.', 'type': ['string', 'null']}, 'kept_files': {'type': 'array', 'items': {'type': 'string'}}, 'before_tag': {'type': ['string', 'null']}, 'before_snapshot': {'type': ['string', 'null']}, 'go_back': {'type': ['string', 'null']}, 'signal': {'description': 'SIGINT or SIGTERM when one stopped the rollback (result interrupted), else null.', 'type': ['string', 'null']}, 'interrupted_at': {'description': 'The step (1-based) running, or next to run, when the signal came.', 'type': ['integer', 'null']}, 'settled': {'description': 'After an interrupt: the steps that brought the services back (compose up --no-recreate).', 'type': 'array', 'items': {'type': 'object', 'required': ['title', 'command', 'returncode', 'seconds'], 'additionalProperties': False, 'properties': {'title': {'type': 'string'}, 'command': {'type': 'string'}, 'returncode': {'type': ['integer', 'null']}, 'seconds': {'type': 'number'}}}}, 'differences': {'description': 'What runs and differs from the restore point after the steps (result verify-failed).', 'type': 'array', 'items': {'type': 'string'}}, 'seconds': {'type': 'number'}, 'log': {'type': 'string'}}}, rule='additionalProperties')
    return data
validate = validate_https___envsync_dev_schemas_rollback_log_json
