# Generated from patch-log.json by `python -m envsync.schemas.compiled`: do not edit.
# fastjsonschema 2.22.3
# mypy: ignore-errors
# ruff: noqa
SCHEMA_CHECKSUM = 'crc32:86b679c5'
VERSION = "2.22.3"
Decimal = float  # no document holds a Decimal
import re
from envsync.schemas.violation import JsonSchemaValueException, JsonSchemaValuesException


REGEX_PATTERNS = {
    '^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z$': re.compile('^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z\\Z')
}

NoneType = type(None)

def validate_https___envsync_dev_schemas_patch_log_json(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'https://json-schema.org/draft/2020-12/schema', '$id': 'https://envsync.dev/schemas/patch-log.json', 'title': 'envsync.patch-log/v1', 'description': 'One line of `<snapshots>/<env>/patches.jsonl`: one `envsync patch ENV --to runtime --execute`.', 'type': 'object', 'required': ['to', 'environment', 'started', 'result', 'steps', 'failure', 'signal', 'interrupted_at', 'settled', 'differences', 'seconds'], 'additionalProperties': False, 'properties': {'schema': {'const': 'envsync.patch-log/v1'}, 'to': {'const': 'runtime'}, 'environment': {'type': 'string', 'minLength': 1}, 'started': {'type': 'string', 'pattern': '^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z$'}, 'result': {'enum': ['ok', 'failed', 'verify-failed', 'interrupted']}, 'steps': {'type': 'array', 'items': {'type': 'object', 'required': ['title', 'command', 'returncode', 'seconds'], 'additionalProperties': False, 'properties': {'title': {'type': 'string'}, 'command': {'type': 'string'}, 'returncode': {'type': ['integer', 'null']}, 'seconds': {'type': 'number'}}}}, 'failure': {'type': ['string', 'null']}, 'signal': {'description': 'SIGINT or SIGTERM when interrupted.', 'type': ['string', 'null']}, 'interrupted_at': {'description': 'The step (from 1) an interrupt stopped.', 'type': ['integer', 'null']}, 'settled': {'type': 'array', 'items': {'type': 'object', 'required': ['title', 'command', 'returncode', 'seconds'], 'additionalProperties': False, 'properties': {'title': {'type': 'string'}, 'command': {'type': 'string'}, 'returncode': {'type': ['integer', 'null']}, 'seconds': {'type': 'number'}}}}, 'differences': {'description': 'What still differs from the files after the steps ran.', 'type': 'array', 'items': {'type': 'string'}}, 'seconds': {'type': 'number', 'minimum': 0}}, '$defs': {'steps': {'type': 'array', 'items': {'type': 'object', 'required': ['title', 'command', 'returncode', 'seconds'], 'additionalProperties': False, 'properties': {'title': {'type': 'string'}, 'command': {'type': 'string'}, 'returncode': {'type': ['integer', 'null']}, 'seconds': {'type': 'number'}}}}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['to', 'environment', 'started', 'result', 'steps', 'failure', 'signal', 'interrupted_at', 'settled', 'differences', 'seconds']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'https://json-schema.org/draft/2020-12/schema', '$id': 'https://envsync.dev/schemas/patch-log.json', 'title': 'envsync.patch-log/v1', 'description': 'One line of `<snapshots>/<env>/patches.jsonl`: one `envsync patch ENV --to runtime --execute`.', 'type': 'object', 'required': ['to', 'environment', 'started', 'result', 'steps', 'failure', 'signal', 'interrupted_at', 'settled', 'differences', 'seconds'], 'additionalProperties': False, 'properties': {'schema': {'const': 'envsync.patch-log/v1'}, 'to': {'const': 'runtime'}, 'environment': {'type': 'string', 'minLength': 1}, 'started': {'type': 'string', 'pattern': '^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z$'}, 'result': {'enum': ['ok', 'failed', 'verify-failed', 'interrupted']}, 'steps': {'type': 'array', 'items': {'type': 'object', 'required': ['title', 'command', 'returncode', 'seconds'], 'additionalProperties': False, 'properties': {'title': {'type': 'string'}, 'command': {'type': 'string'}, 'returncode': {'type': ['integer', 'null']}, 'seconds': {'type': 'number'}}}}, 'failure': {'type': ['string', 'null']}, 'signal': {'description': 'SIGINT or SIGTERM when interrupted.', 'type': ['string', 'null']}, 'interrupted_at': {'description': 'The step (from 1) an interrupt stopped.', 'type': ['integer', 'null']}, 'settled': {'type': 'array', 'items': {'type': 'object', 'required': ['title', 'command', 'returncode', 'seconds'], 'additionalProperties': False, 'properties': {'title': {'type': 'string'}, 'command': {'type': 'string'}, 'returncode': {'type': ['integer', 'null']}, 'seconds': {'type': 'number'}}}}, 'differences': {'description': 'What still differs from the files after the steps ran.', 'type': 'array', 'items': {'type': 'string'}}, 'seconds': {'type': 'number', 'minimum': 0}}, '$defs': {'steps': {'type': 'array', 'items': {'type': 'object', 'required': ['title', 'command', 'returncode', 'seconds'], 'additionalProperties': False, 'properties': {'title': {'type': 'string'}, 'command': {'type': 'string'}, 'returncode': {'type': ['integer', 'null']}, 'seconds': {'type': 'number'}}}}}}, rule='required')
        data_keys = set(data.keys())
        if "schema" in data_keys:
            data_keys.remove("schema")
            data__schema = data["schema"]
            if not (isinstance(data__schema, str) and data__schema == 'envsync.patch-log/v1'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".schema must be same as const definition: envsync.patch-log/v1", value=data__schema, name="" + (name_prefix or "data") + ".schema", definition={'const': 'envsync.patch-log/v1'}, rule='const')
        if "to" in data_keys:
            data_keys.remove("to")
            data__to = data["to"]
            if not (isinstance(data__to, str) and data__to == 'runtime'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".to must be same as const definition: runtime", value=data__to, name="" + (name_prefix or "data") + ".to", definition={'const': 'runtime'}, rule='const')
        if "environment" in data_keys:
            data_keys.remove("environment")
            data__environment = data["environment"]
            if not isinstance(data__environment, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".environment must be string", value=data__environment, name="" + (name_prefix or "data") + ".environment", definition={'type': 'string', 'minLength': 1}, rule='type')
            if isinstance(data__environment, str):
                data__environment_len = len(data__environment)
                if data__environment_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".environment must be longer than or equal to 1 characters", value=data__environment, name="" + (name_prefix or "data") + ".environment", definition={'type': 'string', 'minLength': 1}, rule='minLength')
        if "started" in data_keys:
            data_keys.remove("started")
            data__started = data["started"]
            if not isinstance(data__started, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".started must be string", value=data__started, name="" + (name_prefix or "data") + ".started", definition={'type': 'string', 'pattern': '^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z$'}, rule='type')
            if isinstance(data__started, str):
                if not REGEX_PATTERNS['^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z$'].search(data__started):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".started must match pattern ^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z$", value=data__started, name="" + (name_prefix or "data") + ".started", definition={'type': 'string', 'pattern': '^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z$'}, rule='pattern')
        if "result" in data_keys:
            data_keys.remove("result")
            data__result = data["result"]
            if not (isinstance(data__result, str) and data__result == 'ok' or isinstance(data__result, str) and data__result == 'failed' or isinstance(data__result, str) and data__result == 'verify-failed' or isinstance(data__result, str) and data__result == 'interrupted'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".result must be one of ['ok', 'failed', 'verify-failed', 'interrupted']", value=data__result, name="" + (name_prefix or "data") + ".result", definition={'enum': ['ok', 'failed', 'verify-failed', 'interrupted']}, rule='enum')
        if "steps" in data_keys:
            data_keys.remove("steps")
            data__steps = data["steps"]
            validate_https___envsync_dev_schemas_patch_log_json___defs_steps(data__steps, custom_formats, (name_prefix or "data") + ".steps")
        if "failure" in data_keys:
            data_keys.remove("failure")
            data__failure = data["failure"]
            if not isinstance(data__failure, (str, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".failure must be string or null", value=data__failure, name="" + (name_prefix or "data") + ".failure", definition={'type': ['string', 'null']}, rule='type')
        if "signal" in data_keys:
            data_keys.remove("signal")
            data__signal = data["signal"]
            if not isinstance(data__signal, (str, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".signal must be string or null", value=data__signal, name="" + (name_prefix or "data") + ".signal", definition={'description': 'SIGINT or SIGTERM when interrupted.', 'type': ['string', 'null']}, rule='type')
        if "interrupted_at" in data_keys:
            data_keys.remove("interrupted_at")
            data__interruptedat = data["interrupted_at"]
            if not isinstance(data__interruptedat, (int, NoneType)) and not (isinstance(data__interruptedat, float) and data__interruptedat.is_integer()) or isinstance(data__interruptedat, bool):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".interrupted_at must be integer or null", value=data__interruptedat, name="" + (name_prefix or "data") + ".interrupted_at", definition={'description': 'The step (from 1) an interrupt stopped.', 'type': ['integer', 'null']}, rule='type')
        if "settled" in data_keys:
            data_keys.remove("settled")
            data__settled = data["settled"]
            validate_https___envsync_dev_schemas_patch_log_json___defs_steps(data__settled, custom_formats, (name_prefix or "data") + ".settled")
        if "differences" in data_keys:
            data_keys.remove("differences")
            data__differences = data["differences"]
            if not isinstance(data__differences, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".differences must be array", value=data__differences, name="" + (name_prefix or "data") + ".differences", definition={'description': 'What still differs from the files after the steps ran.', 'type': 'array', 'items': {'type': 'string'}}, rule='type')
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
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".seconds must be number", value=data__seconds, name="" + (name_prefix or "data") + ".seconds", definition={'type': 'number', 'minimum': 0}, rule='type')
            if isinstance(data__seconds, (int, float, Decimal)) and not isinstance(data__seconds, bool):
                if data__seconds < 0:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".seconds must be bigger than or equal to 0", value=data__seconds, name="" + (name_prefix or "data") + ".seconds", definition={'type': 'number', 'minimum': 0}, rule='minimum')
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'https://json-schema.org/draft/2020-12/schema', '$id': 'https://envsync.dev/schemas/patch-log.json', 'title': 'envsync.patch-log/v1', 'description': 'One line of `<snapshots>/<env>/patches.jsonl`: one `envsync patch ENV --to runtime --execute`.', 'type': 'object', 'required': ['to', 'environment', 'started', 'result', 'steps', 'failure', 'signal', 'interrupted_at', 'settled', 'differences', 'seconds'], 'additionalProperties': False, 'properties': {'schema': {'const': 'envsync.patch-log/v1'}, 'to': {'const': 'runtime'}, 'environment': {'type': 'string', 'minLength': 1}, 'started': {'type': 'string', 'pattern': '^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z$'}, 'result': {'enum': ['ok', 'failed', 'verify-failed', 'interrupted']}, 'steps': {'type': 'array', 'items': {'type': 'object', 'required': ['title', 'command', 'returncode', 'seconds'], 'additionalProperties': False, 'properties': {'title': {'type': 'string'}, 'command': {'type': 'string'}, 'returncode': {'type': ['integer', 'null']}, 'seconds': {'type': 'number'}}}}, 'failure': {'type': ['string', 'null']}, 'signal': {'description': 'SIGINT or SIGTERM when interrupted.', 'type': ['string', 'null']}, 'interrupted_at': {'description': 'The step (from 1) an interrupt stopped.', 'type': ['integer', 'null']}, 'settled': {'type': 'array', 'items': {'type': 'object', 'required': ['title', 'command', 'returncode', 'seconds'], 'additionalProperties': False, 'properties': {'title': {'type': 'string'}, 'command': {'type': 'string'}, 'returncode': {'type': ['integer', 'null']}, 'seconds': {'type': 'number'}}}}, 'differences': {'description': 'What still differs from the files after the steps ran.', 'type': 'array', 'items': {'type': 'string'}}, 'seconds': {'type': 'number', 'minimum': 0}}, '$defs': {'steps': {'type': 'array', 'items': {'type': 'object', 'required': ['title', 'command', 'returncode', 'seconds'], 'additionalProperties': False, 'properties': {'title': {'type': 'string'}, 'command': {'type': 'string'}, 'returncode': {'type': ['integer', 'null']}, 'seconds': {'type': 'number'}}}}}}, rule='additionalProperties')
    return data

def validate_https___envsync_dev_schemas_patch_log_json___defs_steps(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (list, tuple)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be array", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'array', 'items': {'type': 'object', 'required': ['title', 'command', 'returncode', 'seconds'], 'additionalProperties': False, 'properties': {'title': {'type': 'string'}, 'command': {'type': 'string'}, 'returncode': {'type': ['integer', 'null']}, 'seconds': {'type': 'number'}}}}, rule='type')
    data_is_list = isinstance(data, (list, tuple))
    if data_is_list:
        data_len = len(data)
        for data_x, data_item in enumerate(data):
            if not isinstance(data_item, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + "[{data_x}]".format(**locals()) + " must be object", value=data_item, name="" + (name_prefix or "data") + "[{data_x}]".format(**locals()) + "", definition={'type': 'object', 'required': ['title', 'command', 'returncode', 'seconds'], 'additionalProperties': False, 'properties': {'title': {'type': 'string'}, 'command': {'type': 'string'}, 'returncode': {'type': ['integer', 'null']}, 'seconds': {'type': 'number'}}}, rule='type')
            data_item_is_dict = isinstance(data_item, dict)
            if data_item_is_dict:
                data_item__missing_keys = set(['title', 'command', 'returncode', 'seconds']) - data_item.keys()
                if data_item__missing_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + "[{data_x}]".format(**locals()) + " must contain " + (str(sorted(data_item__missing_keys)) + " properties"), value=data_item, name="" + (name_prefix or "data") + "[{data_x}]".format(**locals()) + "", definition={'type': 'object', 'required': ['title', 'command', 'returncode', 'seconds'], 'additionalProperties': False, 'properties': {'title': {'type': 'string'}, 'command': {'type': 'string'}, 'returncode': {'type': ['integer', 'null']}, 'seconds': {'type': 'number'}}}, rule='required')
                data_item_keys = set(data_item.keys())
                if "title" in data_item_keys:
                    data_item_keys.remove("title")
                    data_item__title = data_item["title"]
                    if not isinstance(data_item__title, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + "[{data_x}].title".format(**locals()) + " must be string", value=data_item__title, name="" + (name_prefix or "data") + "[{data_x}].title".format(**locals()) + "", definition={'type': 'string'}, rule='type')
                if "command" in data_item_keys:
                    data_item_keys.remove("command")
                    data_item__command = data_item["command"]
                    if not isinstance(data_item__command, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + "[{data_x}].command".format(**locals()) + " must be string", value=data_item__command, name="" + (name_prefix or "data") + "[{data_x}].command".format(**locals()) + "", definition={'type': 'string'}, rule='type')
                if "returncode" in data_item_keys:
                    data_item_keys.remove("returncode")
                    data_item__returncode = data_item["returncode"]
                    if not isinstance(data_item__returncode, (int, NoneType)) and not (isinstance(data_item__returncode, float) and data_item__returncode.is_integer()) or isinstance(data_item__returncode, bool):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + "[{data_x}].returncode".format(**locals()) + " must be integer or null", value=data_item__returncode, name="" + (name_prefix or "data") + "[{data_x}].returncode".format(**locals()) + "", definition={'type': ['integer', 'null']}, rule='type')
                if "seconds" in data_item_keys:
                    data_item_keys.remove("seconds")
                    data_item__seconds = data_item["seconds"]
                    if not isinstance(data_item__seconds, (int, float, Decimal)) or isinstance(data_item__seconds, bool):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + "[{data_x}].seconds".format(**locals()) + " must be number", value=data_item__seconds, name="" + (name_prefix or "data") + "[{data_x}].seconds".format(**locals()) + "", definition={'type': 'number'}, rule='type')
                if data_item_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + "[{data_x}]".format(**locals()) + " must not contain "+str(data_item_keys)+" properties", value=data_item, name="" + (name_prefix or "data") + "[{data_x}]".format(**locals()) + "", definition={'type': 'object', 'required': ['title', 'command', 'returncode', 'seconds'], 'additionalProperties': False, 'properties': {'title': {'type': 'string'}, 'command': {'type': 'string'}, 'returncode': {'type': ['integer', 'null']}, 'seconds': {'type': 'number'}}}, rule='additionalProperties')
    return data
validate = validate_https___envsync_dev_schemas_patch_log_json
