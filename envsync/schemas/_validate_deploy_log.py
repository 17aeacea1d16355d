# Generated from deploy-log.json by `python -m envsync.schemas.compiled`: do not edit.
# fastjsonschema 2.22.3
# mypy: ignore-errors
# ruff: noqa
SCHEMA_CHECKSUM = 'crc32:4d70651a'
VERSION = "2.22.3"
Decimal = float  # no document holds a Decimal
import re
from envsync.schemas.violation import JsonSchemaValueException, JsonSchemaValuesException


REGEX_PATTERNS = {
    '^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z$': re.compile('^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z\\Z'),
    '^[0-9a-f]{40}([0-9a-f]{24})?$': re.compile('^[0-9a-f]{40}([0-9a-f]{24})?\\Z')
}

NoneType = type(None)

def validate_https___envsync_dev_schemas_deploy_log_json(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'https://json-schema.org/draft/2020-12/schema', '$id': 'https://envsync.dev/schemas/deploy-log.json', 'title': 'envsync.deploy-log/v1', 'description': 'One line of `<snapshots>/<env>/deploys.jsonl`: one executed (or refused) deploy.', 'type': 'object', 'required': ['started', 'environment', 'ref', 'commit', 'result', 'steps', 'not_run', 'failure', 'seconds'], 'additionalProperties': False, 'properties': {'schema': {'const': 'envsync.deploy-log/v1'}, 'started': {'type': 'string', 'pattern': '^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z$'}, 'environment': {'type': 'string'}, 'ref': {'description': 'What was deployed, as the operator named it (a ref, or `what OTHER runs`).', 'type': 'string'}, 'commit': {'type': 'string', 'pattern': '^[0-9a-f]{40}([0-9a-f]{24})?$'}, 'result': {'enum': ['ok', 'failed', 'refused', 'interrupted']}, 'steps': {'type': 'array', 'items': {'type': 'object', 'required': ['title', 'command', 'returncode', 'seconds'], 'additionalProperties': False, 'properties': {'title': {'type': 'string'}, 'command': {'type': 'string'}, 'returncode': {'type': ['integer', 'null']}, 'seconds': {'type': 'number'}}}}, 'not_run': {'type': 'array', 'items': {'type': 'string'}}, 'failure': {'type': ['string', 'null']}, 'restore_point': {'description': 'The tag of the restore point taken before the first step, or null (refused before it).', 'type': ['string', 'null']}, 'erased': {'description': 'The runtime overrides --force erased.', 'type': 'array', 'items': {'type': 'string'}}, 'kept': {'description': 'The folder holding copies of the files the checkout overwrote (--force), or null.', 'type': ['string', 'null']}, 'differences': {'type': 'array', 'items': {'type': 'string'}}, 'health': {'type': 'object', 'additionalProperties': {'type': 'object', 'required': ['status'], 'properties': {'status': {'enum': ['ok', 'failed', 'error']}}}}, 'rollback': {'description': 'The automatic rollback after a failure, or null.', 'type': ['object', 'null'], 'required': ['level', 'to', 'result', 'failure'], 'additionalProperties': False, 'properties': {'level': {'enum': [1, 2, 3]}, 'to': {'type': 'string'}, 'result': {'type': 'string'}, 'failure': {'type': ['string', 'null']}, 'files_only': {'description': 'True when only the files went back (git reset --hard to the restore point): a blue-green failure leaves the old containers running, untouched.', 'type': 'boolean'}}}, 'signal': {'type': ['string', 'null']}, 'settled': {'type': 'array', 'items': {'type': 'object', 'required': ['title', 'returncode'], 'additionalProperties': False, 'properties': {'title': {'type': 'string'}, 'returncode': {'type': ['integer', 'null']}}}}, 'blue_green': {'description': "Per blue-green service: the proxy slots (from: the old container's, to: the new one's), how far it went (phase: started, checked, switched, kept, retired, restored), the new container, why it was removed, what happened.", 'type': 'array', 'items': {'type': 'object', 'required': ['service', 'from', 'to', 'phase', 'container', 'reason', 'events'], 'additionalProperties': False, 'properties': {'service': {'type': 'string'}, 'from': {'enum': ['blue', 'green']}, 'to': {'enum': ['blue', 'green']}, 'phase': {'enum': ['planned', 'started', 'checked', 'switched', 'kept', 'retired', 'restored']}, 'container': {'type': ['string', 'null']}, 'reason': {'type': ['string', 'null']}, 'events': {'type': 'array', 'items': {'type': 'string'}}}}}, 'seconds': {'type': 'number'}, 'log': {'type': 'string'}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['started', 'environment', 'ref', 'commit', 'result', 'steps', 'not_run', 'failure', 'seconds']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'https://json-schema.org/draft/2020-12/schema', '$id': 'https://envsync.dev/schemas/deploy-log.json', 'title': 'envsync.deploy-log/v1', 'description': 'One line of `<snapshots>/<env>/deploys.jsonl`: one executed (or refused) deploy.', 'type': 'object', 'required': ['started', 'environment', 'ref', 'commit', 'result', 'steps', 'not_run', 'failure', 'seconds'], 'additionalProperties': False, 'properties': {'schema': {'const': 'envsync.deploy-log/v1'}, 'started': {'type': 'string', 'pattern': '^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z$'}, 'environment': {'type': 'string'}, 'ref': {'description': 'What was deployed, as the operator named it (a ref, or `what OTHER runs`).', 'type': 'string'}, 'commit': {'type': 'string', 'pattern': '^[0-9a-f]{40}([0-9a-f]{24})?$'}, 'result': {'enum': ['ok', 'failed', 'refused', 'interrupted']}, 'steps': {'type': 'array', 'items': {'type': 'object', 'required': ['title', 'command', 'returncode', 'seconds'], 'additionalProperties': False, 'properties': {'title': {'type': 'string'}, 'command': {'type': 'string'}, 'returncode': {'type': ['integer', 'null']}, 'seconds': {'type': 'number'}}}}, 'not_run': {'type': 'array', 'items': {'type': 'string'}}, 'failure': {'type': ['string', 'null']}, 'restore_point': {'description': 'The tag of the restore point taken before the first step, or null (refused before it).', 'type': ['string', 'null']}, 'erased': {'description': 'The runtime overrides --force erased.', 'type': 'array', 'items': {'type': 'string'}}, 'kept': {'description': 'The folder holding copies of the files the checkout overwrote (--force), or null.', 'type': ['string', 'null']}, 'differences': {'type': 'array', 'items': {'type': 'string'}}, 'health': {'type': 'object', 'additionalProperties': {'type': 'object', 'required': ['status'], 'properties': {'status': {'enum': ['ok', 'failed', 'error']}}}}, 'rollback': {'description': 'The automatic rollback after a failure, or null.', 'type': ['object', 'null'], 'required': ['level', 'to', 'result', 'failure'], 'additionalProperties': False, 'properties': {'level': {'enum': [1, 2, 3]}, 'to': {'type': 'string'}, 'result': {'type': 'string'}, 'failure': {'type': ['string', 'null']}, 'files_only': {'description': 'True when only the files went back (git reset --hard to the restore point): a blue-green failure leaves the old containers running, untouched.', 'type': 'boolean'}}}, 'signal': {'type': ['string', 'null']}, 'settled': {'type': 'array', 'items': {'type': 'object', 'required': ['title', 'returncode'], 'additionalProperties': False, 'properties': {'title': {'type': 'string'}, 'returncode': {'type': ['integer', 'null']}}}}, 'blue_green': {'description': "Per blue-green service: the proxy slots (from: the old container's, to: the new one's), how far it went (phase: started, checked, switched, kept, retired, restored), the new container, why it was removed, what happened.", 'type': 'array', 'items': {'type': 'object', 'required': ['service', 'from', 'to', 'phase', 'container', 'reason', 'events'], 'additionalProperties': False, 'properties': {'service': {'type': 'string'}, 'from': {'enum': ['blue', 'green']}, 'to': {'enum': ['blue', 'green']}, 'phase': {'enum': ['planned', 'started', 'checked', 'switched', 'kept', 'retired', 'restored']}, 'container': {'type': ['string', 'null']}, 'reason': {'type': ['string', 'null']}, 'events': {'type': 'array', 'items': {'type': 'string'}}}}}, 'seconds': {'type': 'number'}, 'log': {'type': 'string'}}}, rule='required')
        data_keys = set(data.keys())
        if "schema" in data_keys:
            data_keys.remove("schema")
            data__schema = data["schema"]
            if not (isinstance(data__schema, str) and data__schema == 'envsync.deploy-log/v1'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".schema must be same as const definition: envsync.deploy-log/v1", value=data__schema, name="" + (name_prefix or "data") + ".schema", definition={'const': 'envsync.deploy-log/v1'}, rule='const')
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
        if "ref" in data_keys:
            data_keys.remove("ref")
            data__ref = data["ref"]
            if not isinstance(data__ref, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".ref must be string", value=data__ref, name="" + (name_prefix or "data") + ".ref", definition={'description': 'What was deployed, as the operator named it (a ref, or `what OTHER runs`).', 'type': 'string'}, rule='type')
        if "commit" in data_keys:
            data_keys.remove("commit")
            data__commit = data["commit"]
            if not isinstance(data__commit, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".commit must be string", value=data__commit, name="" + (name_prefix or "data") + ".commit", definition={'type': 'string', 'pattern': '^[0-9a-f]{40}([0-9a-f]{24})?$'}, rule='type')
            if isinstance(data__commit, str):
                if not REGEX_PATTERNS['^[0-9a-f]{40}([0-9a-f]{24})?$'].search(data__commit):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".commit must match pattern ^[0-9a-f]{40}([0-9a-f]{24})?$", value=data__commit, name="" + (name_prefix or "data") + ".commit", definition={'type': 'string', 'pattern': '^[0-9a-f]{40}([0-9a-f]{24})?$'}, rule='pattern')
        if "result" in data_keys:
            data_keys.remove("result")
            data__result = data["result"]
            if not (isinstance(data__result, str) and data__result == 'ok' or isinstance(data__result, str) and data__result == 'failed' or isinstance(data__result, str) and data__result == 'refused' or isinstance(data__result, str) and data__result == 'interrupted'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".result must be one of ['ok', 'failed', 'refused', 'interrupted']", value=data__result, name="" + (name_prefix or "data") + ".result", definition={'enum': ['ok', 'failed', 'refused', 'interrupted']}, rule='enum')
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
        if "restore_point" in data_keys:
            data_keys.remove("restore_point")
            data__restorepoint = data["restore_point"]
            if not isinstance(data__restorepoint, (str, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".restore_point must be string or null", value=data__restorepoint, name="" + (name_prefix or "data") + ".restore_point", definition={'description': 'The tag of the restore point taken before the first step, or null (refused before it).', 'type': ['string', 'null']}, rule='type')
        if "erased" in data_keys:
            data_keys.remove("erased")
            data__erased = data["erased"]
            if not isinstance(data__erased, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".erased must be array", value=data__erased, name="" + (name_prefix or "data") + ".erased", definition={'description': 'The runtime overrides --force erased.', 'type': 'array', 'items': {'type': 'string'}}, rule='type')
            data__erased_is_list = isinstance(data__erased, (list, tuple))
            if data__erased_is_list:
                data__erased_len = len(data__erased)
                for data__erased_x, data__erased_item in enumerate(data__erased):
                    if not isinstance(data__erased_item, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".erased[{data__erased_x}]".format(**locals()) + " must be string", value=data__erased_item, name="" + (name_prefix or "data") + ".erased[{data__erased_x}]".format(**locals()) + "", definition={'type': 'string'}, rule='type')
        if "kept" in data_keys:
            data_keys.remove("kept")
            data__kept = data["kept"]
            if not isinstance(data__kept, (str, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".kept must be string or null", value=data__kept, name="" + (name_prefix or "data") + ".kept", definition={'description': 'The folder holding copies of the files the checkout overwrote (--force), or null.', 'type': ['string', 'null']}, rule='type')
        if "differences" in data_keys:
            data_keys.remove("differences")
            data__differences = data["differences"]
            if not isinstance(data__differences, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".differences must be array", value=data__differences, name="" + (name_prefix or "data") + ".differences", definition={'type': 'array', 'items': {'type': 'string'}}, rule='type')
            data__differences_is_list = isinstance(data__differences, (list, tuple))
            if data__differences_is_list:
                data__differences_len = len(data__differences)
                for data__differences_x, data__differences_item in enumerate(data__differences):
                    if not isinstance(data__differences_item, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".differences[{data__differences_x}]".format(**locals()) + " must be string", value=data__differences_item, name="" + (name_prefix or "data") + ".differences[{data__differences_x}]".format(**locals()) + "", definition={'type': 'string'}, rule='type')
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
        if "rollback" in data_keys:
            data_keys.remove("rollback")
            data__rollback = data["rollback"]
            if not isinstance(data__rollback, (dict, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".rollback must be object or null", value=data__rollback, name="" + (name_prefix or "data") + ".rollback", definition={'description': 'The automatic rollback after a failure, or null.', 'type': ['object', 'null'], 'required': ['level', 'to', 'result', 'failure'], 'additionalProperties': False, 'properties': {'level': {'enum': [1, 2, 3]}, 'to': {'type': 'string'}, 'result': {'type': 'string'}, 'failure': {'type': ['string', 'null']}, 'files_only': {'description': 'True when only the files went back (git reset --hard to the restore point): a blue-green failure leaves the old containers running, untouched.', 'type': 'boolean'}}}, rule='type')
            data__rollback_is_dict = isinstance(data__rollback, dict)
            if data__rollback_is_dict:
                data__rollback__missing_keys = set(['level', 'to', 'result', 'failure']) - data__rollback.keys()
                if data__rollback__missing_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".rollback must contain " + (str(sorted(data__rollback__missing_keys)) + " properties"), value=data__rollback, name="" + (name_prefix or "data") + ".rollback", definition={'description': 'The automatic rollback after a failure, or null.', 'type': ['object', 'null'], 'required': ['level', 'to', 'result', 'failure'], 'additionalProperties': False, 'properties': {'level': {'enum': [1, 2, 3]}, 'to': {'type': 'string'}, 'result': {'type': 'string'}, 'failure': {'type': ['string', 'null']}, 'files_only': {'description': 'True when only the files went back (git reset --hard to the restore point): a blue-green failure leaves the old containers running, untouched.', 'type': 'boolean'}}}, rule='required')
                data__rollback_keys = set(data__rollback.keys())
                if "level" in data__rollback_keys:
                    data__rollback_keys.remove("level")
                    data__rollback__level = data__rollback["level"]
                    if not (isinstance(data__rollback__level, (int, float)) and not isinstance(data__rollback__level, bool) and data__rollback__level == 1 or isinstance(data__rollback__level, (int, float)) and not isinstance(data__rollback__level, bool) and data__rollback__level == 2 or isinstance(data__rollback__level, (int, float)) and not isinstance(data__rollback__level, bool) and data__rollback__level == 3):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".rollback.level must be one of [1, 2, 3]", value=data__rollback__level, name="" + (name_prefix or "data") + ".rollback.level", definition={'enum': [1, 2, 3]}, rule='enum')
                if "to" in data__rollback_keys:
                    data__rollback_keys.remove("to")
                    data__rollback__to = data__rollback["to"]
                    if not isinstance(data__rollback__to, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".rollback.to must be string", value=data__rollback__to, name="" + (name_prefix or "data") + ".rollback.to", definition={'type': 'string'}, rule='type')
                if "result" in data__rollback_keys:
                    data__rollback_keys.remove("result")
                    data__rollback__result = data__rollback["result"]
                    if not isinstance(data__rollback__result, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".rollback.result must be string", value=data__rollback__result, name="" + (name_prefix or "data") + ".rollback.result", definition={'type': 'string'}, rule='type')
                if "failure" in data__rollback_keys:
                    data__rollback_keys.remove("failure")
                    data__rollback__failure = data__rollback["failure"]
                    if not isinstance(data__rollback__failure, (str, NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".rollback.failure must be string or null", value=data__rollback__failure, name="" + (name_prefix or "data") + ".rollback.failure", definition={'type': ['string', 'null']}, rule='type')
                if "files_only" in data__rollback_keys:
                    data__rollback_keys.remove("files_only")
                    data__rollback__filesonly = data__rollback["files_only"]
                    if not isinstance(data__rollback__filesonly, (bool)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".rollback.files_only must be boolean", value=data__rollback__filesonly, name="" + (name_prefix or "data") + ".rollback.files_only", definition={'description': 'True when only the files went back (git reset --hard to the restore point): a blue-green failure leaves the old containers running, untouched.', 'type': 'boolean'}, rule='type')
                if data__rollback_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".rollback must not contain "+str(data__rollback_keys)+" properties", value=data__rollback, name="" + (name_prefix or "data") + ".rollback", definition={'description': 'The automatic rollback after a failure, or null.', 'type': ['object', 'null'], 'required': ['level', 'to', 'result', 'failure'], 'additionalProperties': False, 'properties': {'level': {'enum': [1, 2, 3]}, 'to': {'type': 'string'}, 'result': {'type': 'string'}, 'failure': {'type': ['string', 'null']}, 'files_only': {'description': 'True when only the files went back (git reset --hard to the restore point): a blue-green failure leaves the old containers running, untouched.', 'type': 'boolean'}}}, rule='additionalProperties')
        if "signal" in data_keys:
            data_keys.remove("signal")
            data__signal = data["signal"]
            if not isinstance(data__signal, (str, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".signal must be string or null", value=data__signal, name="" + (name_prefix or "data") + ".signal", definition={'type': ['string', 'null']}, rule='type')
        if "settled" in data_keys:
            data_keys.remove("settled")
            data__settled = data["settled"]
            if not isinstance(data__settled, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".settled must be array", value=data__settled, name="" + (name_prefix or "data") + ".settled", definition={'type': 'array', 'items': {'type': 'object', 'required': ['title', 'returncode'], 'additionalProperties': False, 'properties': {'title': {'type': 'string'}, 'returncode': {'type': ['integer', 'null']}}}}, rule='type')
            data__settled_is_list = isinstance(data__settled, (list, tuple))
            if data__settled_is_list:
                data__settled_len = len(data__settled)
                for data__settled_x, data__settled_item in enumerate(data__settled):
                    if not isinstance(data__settled_item, (dict)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".settled[{data__settled_x}]".format(**locals()) + " must be object", value=data__settled_item, name="" + (name_prefix or "data") + ".settled[{data__settled_x}]".format(**locals()) + "", definition={'type': 'object', 'required': ['title', 'returncode'], 'additionalProperties': False, 'properties': {'title': {'type': 'string'}, 'returncode': {'type': ['integer', 'null']}}}, rule='type')
                    data__settled_item_is_dict = isinstance(data__settled_item, dict)
                    if data__settled_item_is_dict:
                        data__settled_item__missing_keys = set(['title', 'returncode']) - data__settled_item.keys()
                        if data__settled_item__missing_keys:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".settled[{data__settled_x}]".format(**locals()) + " must contain " + (str(sorted(data__settled_item__missing_keys)) + " properties"), value=data__settled_item, name="" + (name_prefix or "data") + ".settled[{data__settled_x}]".format(**locals()) + "", definition={'type': 'object', 'required': ['title', 'returncode'], 'additionalProperties': False, 'properties': {'title': {'type': 'string'}, 'returncode': {'type': ['integer', 'null']}}}, rule='required')
                        data__settled_item_keys = set(data__settled_item.keys())
                        if "title" in data__settled_item_keys:
                            data__settled_item_keys.remove("title")
                            data__settled_item__title = data__settled_item["title"]
                            if not isinstance(data__settled_item__title, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".settled[{data__settled_x}].title".format(**locals()) + " must be string", value=data__settled_item__title, name="" + (name_prefix or "data") + ".settled[{data__settled_x}].title".format(**locals()) + "", definition={'type': 'string'}, rule='type')
                        if "returncode" in data__settled_item_keys:
                            data__settled_item_keys.remove("returncode")
                            data__settled_item__returncode = data__settled_item["returncode"]
                            if not isinstance(data__settled_item__returncode, (int, NoneType)) and not (isinstance(data__settled_item__returncode, float) and data__settled_item__returncode.is_integer()) or isinstance(data__settled_item__returncode, bool):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".settled[{data__settled_x}].returncode".format(**locals()) + " must be integer or null", value=data__settled_item__returncode, name="" + (name_prefix or "data") + ".settled[{data__settled_x}].returncode".format(**locals()) + "", definition={'type': ['integer', 'null']}, rule='type')
                        if data__settled_item_keys:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".settled[{data__settled_x}]".format(**locals()) + " must not contain "+str(data__settled_item_keys)+" properties", value=data__settled_item, name="" + (name_prefix or "data") + ".settled[{data__settled_x}]".format(**locals()) + "", definition={'type': 'object', 'required': ['title', 'returncode'], 'additionalProperties': False, 'properties': {'title': {'type': 'string'}, 'returncode': {'type': ['integer', 'null']}}}, rule='additionalProperties')
        if "blue_green" in data_keys:
            data_keys.remove("blue_green")
            data__bluegreen = data["blue_green"]
            if not isinstance(data__bluegreen, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".blue_green must be array", value=data__bluegreen, name="" + (name_prefix or "data") + ".blue_green", definition={'description': "Per blue-green service: the proxy slots (from: the old container's, to: the new one's), how far it went (phase: started, checked, switched, kept, retired, restored), the new container, why it was removed, what happened.", 'type': 'array', 'items': {'type': 'object', 'required': ['service', 'from', 'to', 'phase', 'container', 'reason', 'events'], 'additionalProperties': False, 'properties': {'service': {'type': 'string'}, 'from': {'enum': ['blue', 'green']}, 'to': {'enum': ['blue', 'green']}, 'phase': {'enum': ['planned', 'started', 'checked', 'switched', 'kept', 'retired', 'restored']}, 'container': {'type': ['string', 'null']}, 'reason': {'type': ['string', 'null']}, 'events': {'type': 'array', 'items': {'type': 'string'}}}}}, rule='type')
            data__bluegreen_is_list = isinstance(data__bluegreen, (list, tuple))
            if data__bluegreen_is_list:
                data__bluegreen_len = len(data__bluegreen)
                for data__bluegreen_x, data__bluegreen_item in enumerate(data__bluegreen):
                    if not isinstance(data__bluegreen_item, (dict)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".blue_green[{data__bluegreen_x}]".format(**locals()) + " must be object", value=data__bluegreen_item, name="" + (name_prefix or "data") + ".blue_green[{data__bluegreen_x}]".format(**locals()) + "", definition={'type': 'object', 'required': ['service', 'from', 'to', 'phase', 'container', 'reason', 'events'], 'additionalProperties': False, 'properties': {'service': {'type': 'string'}, 'from': {'enum': ['blue', 'green']}, 'to': {'enum': ['blue', 'green']}, 'phase': {'enum': ['planned', 'started', 'checked', 'switched', 'kept', 'retired', 'restored']}, 'container': {'type': ['string', 'null']}, 'reason': {'type': ['string', 'null']}, 'events': {'type': 'array', 'items': {'type': 'string'}}}}, rule='type')
                    data__bluegreen_item_is_dict = isinstance(data__bluegreen_item, dict)
                    if data__bluegreen_item_is_dict:
                        data__bluegreen_item__missing_keys = set(['service', 'from', 'to', 'phase', 'container', 'reason', 'events']) - data__bluegreen_item.keys()
                        if data__bluegreen_item__missing_keys:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".blue_green[{data__bluegreen_x}]".format(**locals()) + " must contain " + (str(sorted(data__bluegreen_item__missing_keys)) + " properties"), value=data__bluegreen_item, name="" + (name_prefix or "data") + ".blue_green[{data__bluegreen_x}]".format(**locals()) + "", definition={'type': 'object', 'required': ['service', 'from', 'to', 'phase', 'container', 'reason', 'events'], 'additionalProperties': False, 'properties': {'service': {'type': 'string'}, 'from': {'enum': ['blue', 'green']}, 'to': {'enum': ['blue', 'green']}, 'phase': {'enum': ['planned', 'started', 'checked', 'switched', 'kept', 'retired', 'restored']}, 'container': {'type': ['string', 'null']}, 'reason': {'type': ['string', 'null']}, 'events': {'type': 'array', 'items': {'type': 'string'}}}}, rule='required')
                        data__bluegreen_item_keys = set(data__bluegreen_item.keys())
                        if "service" in data__bluegreen_item_keys:
                            data__bluegreen_item_keys.remove("service")
                            data__bluegreen_item__service = data__bluegreen_item["service"]
                            if not isinstance(data__bluegreen_item__service, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".blue_green[{data__bluegreen_x}].service".format(**locals()) + " must be string", value=data__bluegreen_item__service, name="" + (name_prefix or "data") + ".blue_green[{data__bluegreen_x}].service".format(**locals()) + "", definition={'type': 'string'}, rule='type')
                        if "from" in data__bluegreen_item_keys:
                            data__bluegreen_item_keys.remove("from")
                            data__bluegreen_item__from = data__bluegreen_item["from"]
                            if not (isinstance(data__bluegreen_item__from, str) and data__bluegreen_item__from == 'blue' or isinstance(data__bluegreen_item__from, str) and data__bluegreen_item__from == 'green'):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".blue_green[{data__bluegreen_x}].from".format(**locals()) + " must be one of ['blue', 'green']", value=data__bluegreen_item__from, name="" + (name_prefix or "data") + ".blue_green[{data__bluegreen_x}].from".format(**locals()) + "", definition={'enum': ['blue', 'green']}, rule='enum')
                        if "to" in data__bluegreen_item_keys:
                            data__bluegreen_item_keys.remove("to")
                            data__bluegreen_item__to = data__bluegreen_item["to"]
                            if not (isinstance(data__bluegreen_item__to, str) and data__bluegreen_item__to == 'blue' or isinstance(data__bluegreen_item__to, str) and data__bluegreen_item__to == 'green'):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".blue_green[{data__bluegreen_x}].to".format(**locals()) + " must be one of ['blue', 'green']", value=data__bluegreen_item__to, name="" + (name_prefix or "data") + ".blue_green[{data__bluegreen_x}].to".format(**locals()) + "", definition={'enum': ['blue', 'green']}, rule='enum')
                        if "phase" in data__bluegreen_item_keys:
                            data__bluegreen_item_keys.remove("phase")
                            data__bluegreen_item__phase = data__bluegreen_item["phase"]
                            if not (isinstance(data__bluegreen_item__phase, str) and data__bluegreen_item__phase == 'planned' or isinstance(data__bluegreen_item__phase, str) and data__bluegreen_item__phase == 'started' or isinstance(data__bluegreen_item__phase, str) and data__bluegreen_item__phase == 'checked' or isinstance(data__bluegreen_item__phase, str) and data__bluegreen_item__phase == 'switched' or isinstance(data__bluegreen_item__phase, str) and data__bluegreen_item__phase == 'kept' or isinstance(data__bluegreen_item__phase, str) and data__bluegreen_item__phase == 'retired' or isinstance(data__bluegreen_item__phase, str) and data__bluegreen_item__phase == 'restored'):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".blue_green[{data__bluegreen_x}].phase".format(**locals()) + " must be one of ['planned', 'started', 'checked', 'switched', 'kept', 'retired', 'restored']", value=data__bluegreen_item__phase, name="" + (name_prefix or "data") + ".blue_green[{data__bluegreen_x}].phase".format(**locals()) + "", definition={'enum': ['planned', 'started', 'checked', 'switched', 'kept', 'retired', 'restored']}, rule='enum')
                        if "container" in data__bluegreen_item_keys:
                            data__bluegreen_item_keys.remove("container")
                            data__bluegreen_item__container = data__bluegreen_item["container"]
                            if not isinstance(data__bluegreen_item__container, (str, NoneType)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".blue_green[{data__bluegreen_x}].container".format(**locals()) + " must be string or null", value=data__bluegreen_item__container, name="" + (name_prefix or "data") + ".blue_green[{data__bluegreen_x}].container".format(**locals()) + "", definition={'type': ['string', 'null']}, rule='type')
                        if "reason" in data__bluegreen_item_keys:
                            data__bluegreen_item_keys.remove("reason")
                            data__bluegreen_item__reason = data__bluegreen_item["reason"]
                            if not isinstance(data__bluegreen_item__reason, (str, NoneType)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".blue_green[{data__bluegreen_x}].reason".format(**locals()) + " must be string or null", value=data__bluegreen_item__reason, name="" + (name_prefix or "data") + ".blue_green[{data__bluegreen_x}].reason".format(**locals()) + "", definition={'type': ['string', 'null']}, rule='type')
                        if "events" in data__bluegreen_item_keys:
                            data__bluegreen_item_keys.remove("events")
                            data__bluegreen_item__events = data__bluegreen_item["events"]
                            if not isinstance(data__bluegreen_item__events, (list, tuple)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".blue_green[{data__bluegreen_x}].events".format(**locals()) + " must be array", value=data__bluegreen_item__events, name="" + (name_prefix or "data") + ".blue_green[{data__bluegreen_x}].events".format(**locals()) + "", definition={'type': 'array', 'items': {'type': 'string'}}, rule='type')
                            data__bluegreen_item__events_is_list = isinstance(data__bluegreen_item__events, (list, tuple))
                            if data__bluegreen_item__events_is_list:
                                data__bluegreen_item__events_len = len(data__bluegreen_item__events)
                                for data__bluegreen_item__events_x, data__bluegreen_item__events_item in enumerate(data__bluegreen_item__events):
                                    if not isinstance(data__bluegreen_item__events_item, (str)):
                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".blue_green[{data__bluegreen_x}].events[{data__bluegreen_item__events_x}]".format(**locals()) + " must be string", value=data__bluegreen_item__events_item, name="" + (name_prefix or "data") + ".blue_green[{data__bluegreen_x}].events[{data__bluegreen_item__events_x}]".format(**locals()) + "", definition={'type': 'string'}, rule='type')
                        if data__bluegreen_item_keys:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".blue_green[{data__bluegreen_x}]".format(**locals()) + " must not contain "+str(data__bluegreen_item_keys)+" properties", value=data__bluegreen_item, name="" + (name_prefix or "data") + ".blue_green[{data__bluegreen_x}]".format(**locals()) + "", definition={'type': 'object', 'required': ['service', 'from', 'to', 'phase', 'container', 'reason', 'events'], 'additionalProperties': False, 'properties': {'service': {'type': 'string'}, 'from': {'enum': ['blue', 'green']}, 'to': {'enum': ['blue', 'green']}, 'phase': {'enum': ['planned', 'started', 'checked', 'switched', 'kept', 'retired', 'restored']}, 'container': {'type': ['string', 'null']}, 'reason': {'type': ['string', 'null']}, 'events': {'type': 'array', 'items': {'type': 'string'}}}}, rule='additionalProperties')
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
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'https://json-schema.org/draft/2020-12/schema', '$id': 'https://envsync.dev/schemas/deploy-log.json', 'title': 'envsync.deploy-log/v1', 'description': 'One line of `<snapshots>/<env>/deploys.jsonl`: one executed (or refused) deploy.', 'type': 'object', 'required': ['started', 'environment', 'ref', 'commit', 'result', 'steps', 'not_run', 'failure', 'seconds'], 'additionalProperties': False, 'properties': {'schema': {'const': 'envsync.deploy-log/v1'}, 'started': {'type': 'string', 'pattern': '^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z$'}, 'environment': {'type': 'string'}, 'ref': {'description': 'What was deployed, as the operator named it (a ref, or `what OTHER runs`).', 'type': 'string'}, 'commit': {'type': 'string', 'pattern': '^[0-9a-f]{40}([0-9a-f]{24})?$'}, 'result': {'enum': ['ok', 'failed', 'refused', 'interrupted']}, 'steps': {'type': 'array', 'items': {'type': 'object', 'required': ['title', 'command', 'returncode', 'seconds'], 'additionalProperties': False, 'properties': {'title': {'type': 'string'}, 'command': {'type': 'string'}, 'returncode': {'type': ['integer', 'null']}, 'seconds': {'type': 'number'}}}}, 'not_run': {'type': 'array', 'items': {'type': 'string'}}, 'failure': {'type': ['string', 'null']}, 'restore_point': {'description': 'The tag of the restore point taken before the first step, or null (refused before it).', 'type': ['string', 'null']}, 'erased': {'description': 'The runtime overrides --force erased.', 'type': 'array', 'items': {'type': 'string'}}, 'kept': {'description': 'The folder holding copies of the files the checkout overwrote (--force), or null.', 'type': ['string', 'null']}, 'differences': {'type': 'array', 'items': {'type': 'string'}}, 'health': {'type': 'object', 'additionalProperties': {'type': 'object', 'required': ['status'], 'properties': {'status': {'enum': ['ok', 'failed', 'error']}}}}, 'rollback': {'description': 'The automatic rollback after a failure, or null.', 'type': ['object', 'null'], 'required': ['level', 'to', 'result', 'failure'], 'additionalProperties': False, 'properties': {'level': {'enum': [1, 2, 3]}, 'to': {'type': 'string'}, 'result': {'type': 'string'}, 'failure': {'type': ['string', 'null']}, 'files_only': {'description': 'True when only the files went back (git reset --hard to the restore point): a blue-green failure leaves the old containers running, untouched.', 'type': 'boolean'}}}, 'signal': {'type': ['string', 'null']}, 'settled': {'type': 'array', 'items': {'type': 'object', 'required': ['title', 'returncode'], 'additionalProperties': False, 'properties': {'title': {'type': 'string'}, 'returncode': {'type': ['integer', 'null']}}}}, 'blue_green': {'description': "Per blue-green service: the proxy slots (from: the old container's, to: the new one's), how far it went (phase: started, checked, switched, kept, retired, restored), the new container, why it was removed, what happened.", 'type': 'array', 'items': {'type': 'object', 'required': ['service', 'from', 'to', 'phase', 'container', 'reason', 'events'], 'additionalProperties': False, 'properties': {'service': {'type': 'string'}, 'from': {'enum': ['blue', 'green']}, 'to': {'enum': ['blue', 'green']}, 'phase': {'enum': ['planned', 'started', 'checked', 'switched', 'kept', 'retired', 'restored']}, 'container': {'type': ['string', 'null']}, 'reason': {'type': ['string', 'null']}, 'events': {'type': 'array', 'items': {'type': 'string'}}}}}, 'seconds': {'type': 'number'}, 'log': {'type': 'string'}}}, rule='additionalProperties')
    return data
validate = validate_https___envsync_dev_schemas_deploy_log_json
