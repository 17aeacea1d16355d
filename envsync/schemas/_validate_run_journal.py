# Generated from run-journal.json by `python -m envsync.schemas.compiled`: do not edit.
# fastjsonschema 2.22.3
# mypy: ignore-errors
# ruff: noqa
SCHEMA_CHECKSUM = 'crc32:4d24c7fd'
VERSION = "2.22.3"
Decimal = float  # no document holds a Decimal
import re
from envsync.schemas.violation import JsonSchemaValueException, JsonSchemaValuesException


REGEX_PATTERNS = {
    '^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$': re.compile('^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\\Z')
}

NoneType = type(None)

def validate_https___envsync_dev_schemas_run_journal_json(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'https://json-schema.org/draft/2020-12/schema', '$id': 'https://envsync.dev/schemas/run-journal.json', 'title': 'envsync.run-journal/v1', 'description': "`<backups>/<env>/.envsync-running.json`: the deploy, rollback or runtime patch running now (kept from its first step until its log line is written). Found while nobody holds the environment's lock, it is the record of a run that was killed (envsync/journal.py).", 'type': 'object', 'required': ['schema', 'kind', 'pid', 'host', 'started', 'restore_point', 'moves_tree', 'steps', 'step', 'logged'], 'additionalProperties': False, 'properties': {'schema': {'const': 'envsync.run-journal/v1'}, 'kind': {'enum': ['deploy', 'rollback', 'patch']}, 'pid': {'type': 'integer', 'minimum': 1}, 'host': {'type': 'string'}, 'started': {'type': 'string', 'pattern': '^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$'}, 'restore_point': {'description': 'The way back: the restore point a deploy took, the before-rollback point of a rollback, the newest backup for a patch (null: none).', 'type': ['string', 'null']}, 'moves_tree': {'description': "Whether the run may move the working tree (a checkout, a level 1 or 3 rollback): then only a rollback at level 3 (or the killed rollback's own level) undoes it.", 'type': 'boolean'}, 'steps': {'description': "The titles of the plan's steps.", 'type': 'array', 'items': {'type': 'string'}}, 'step': {'description': 'The step (from 1) started last; 0 before the first.', 'type': 'integer', 'minimum': 0}, 'logged': {'description': "Whether a later run appended the killed run's line to its log.", 'type': 'boolean'}, 'rolling_back': {'description': "A deploy's own automatic rollback runs (or ran).", 'type': 'boolean'}, 'ref': {'description': 'deploy: what is deployed (a ref, or what another environment runs).', 'type': 'string'}, 'commit': {'description': 'deploy: the commit deployed.', 'type': 'string'}, 'to': {'description': "rollback: the restore point's tag.", 'type': 'string'}, 'level': {'description': 'rollback: its level.', 'type': 'integer', 'minimum': 1, 'maximum': 3}, 'services': {'description': 'patch: the services it recreates.', 'type': 'array', 'items': {'type': 'string'}}, 'previous': {'description': "The record of a run killed before, which this run (a rollback) may undo, as it was found: another version's or a damaged one is kept as it is ({} when it did not parse).", 'type': 'object'}}, 'allOf': [{'if': {'properties': {'kind': {'const': 'deploy'}}}, 'then': {'required': ['ref', 'commit']}}, {'if': {'properties': {'kind': {'const': 'rollback'}}}, 'then': {'required': ['to', 'level']}}, {'if': {'properties': {'kind': {'const': 'patch'}}}, 'then': {'required': ['services']}}]}, rule='type')
    try:
        data_is_dict = isinstance(data, dict)
        if data_is_dict:
            data_keys = set(data.keys())
            if "kind" in data_keys:
                data_keys.remove("kind")
                data__kind = data["kind"]
                if not (isinstance(data__kind, str) and data__kind == 'deploy'):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".kind must be same as const definition: deploy", value=data__kind, name="" + (name_prefix or "data") + ".kind", definition={'const': 'deploy'}, rule='const')
    except (JsonSchemaValueException, JsonSchemaValuesException):
        pass
    else:
        data_is_dict = isinstance(data, dict)
        if data_is_dict:
            data__missing_keys = set(['ref', 'commit']) - data.keys()
            if data__missing_keys:
                raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'required': ['ref', 'commit']}, rule='required')
    try:
        data_is_dict = isinstance(data, dict)
        if data_is_dict:
            data_keys = set(data.keys())
            if "kind" in data_keys:
                data_keys.remove("kind")
                data__kind = data["kind"]
                if not (isinstance(data__kind, str) and data__kind == 'rollback'):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".kind must be same as const definition: rollback", value=data__kind, name="" + (name_prefix or "data") + ".kind", definition={'const': 'rollback'}, rule='const')
    except (JsonSchemaValueException, JsonSchemaValuesException):
        pass
    else:
        data_is_dict = isinstance(data, dict)
        if data_is_dict:
            data__missing_keys = set(['to', 'level']) - data.keys()
            if data__missing_keys:
                raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'required': ['to', 'level']}, rule='required')
    try:
        data_is_dict = isinstance(data, dict)
        if data_is_dict:
            data_keys = set(data.keys())
            if "kind" in data_keys:
                data_keys.remove("kind")
                data__kind = data["kind"]
                if not (isinstance(data__kind, str) and data__kind == 'patch'):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".kind must be same as const definition: patch", value=data__kind, name="" + (name_prefix or "data") + ".kind", definition={'const': 'patch'}, rule='const')
    except (JsonSchemaValueException, JsonSchemaValuesException):
        pass
    else:
        data_is_dict = isinstance(data, dict)
        if data_is_dict:
            data__missing_keys = set(['services']) - data.keys()
            if data__missing_keys:
                raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'required': ['services']}, rule='required')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['schema', 'kind', 'pid', 'host', 'started', 'restore_point', 'moves_tree', 'steps', 'step', 'logged']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'https://json-schema.org/draft/2020-12/schema', '$id': 'https://envsync.dev/schemas/run-journal.json', 'title': 'envsync.run-journal/v1', 'description': "`<backups>/<env>/.envsync-running.json`: the deploy, rollback or runtime patch running now (kept from its first step until its log line is written). Found while nobody holds the environment's lock, it is the record of a run that was killed (envsync/journal.py).", 'type': 'object', 'required': ['schema', 'kind', 'pid', 'host', 'started', 'restore_point', 'moves_tree', 'steps', 'step', 'logged'], 'additionalProperties': False, 'properties': {'schema': {'const': 'envsync.run-journal/v1'}, 'kind': {'enum': ['deploy', 'rollback', 'patch']}, 'pid': {'type': 'integer', 'minimum': 1}, 'host': {'type': 'string'}, 'started': {'type': 'string', 'pattern': '^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$'}, 'restore_point': {'description': 'The way back: the restore point a deploy took, the before-rollback point of a rollback, the newest backup for a patch (null: none).', 'type': ['string', 'null']}, 'moves_tree': {'description': "Whether the run may move the working tree (a checkout, a level 1 or 3 rollback): then only a rollback at level 3 (or the killed rollback's own level) undoes it.", 'type': 'boolean'}, 'steps': {'description': "The titles of the plan's steps.", 'type': 'array', 'items': {'type': 'string'}}, 'step': {'description': 'The step (from 1) started last; 0 before the first.', 'type': 'integer', 'minimum': 0}, 'logged': {'description': "Whether a later run appended the killed run's line to its log.", 'type': 'boolean'}, 'rolling_back': {'description': "A deploy's own automatic rollback runs (or ran).", 'type': 'boolean'}, 'ref': {'description': 'deploy: what is deployed (a ref, or what another environment runs).', 'type': 'string'}, 'commit': {'description': 'deploy: the commit deployed.', 'type': 'string'}, 'to': {'description': "rollback: the restore point's tag.", 'type': 'string'}, 'level': {'description': 'rollback: its level.', 'type': 'integer', 'minimum': 1, 'maximum': 3}, 'services': {'description': 'patch: the services it recreates.', 'type': 'array', 'items': {'type': 'string'}}, 'previous': {'description': "The record of a run killed before, which this run (a rollback) may undo, as it was found: another version's or a damaged one is kept as it is ({} when it did not parse).", 'type': 'object'}}, 'allOf': [{'if': {'properties': {'kind': {'const': 'deploy'}}}, 'then': {'required': ['ref', 'commit']}}, {'if': {'properties': {'kind': {'const': 'rollback'}}}, 'then': {'required': ['to', 'level']}}, {'if': {'properties': {'kind': {'const': 'patch'}}}, 'then': {'required': ['services']}}]}, rule='required')
        data_keys = set(data.keys())
        if "schema" in data_keys:
            data_keys.remove("schema")
            data__schema = data["schema"]
            if not (isinstance(data__schema, str) and data__schema == 'envsync.run-journal/v1'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".schema must be same as const definition: envsync.run-journal/v1", value=data__schema, name="" + (name_prefix or "data") + ".schema", definition={'const': 'envsync.run-journal/v1'}, rule='const')
        if "kind" in data_keys:
            data_keys.remove("kind")
            data__kind = data["kind"]
            if not (isinstance(data__kind, str) and data__kind == 'deploy' or isinstance(data__kind, str) and data__kind == 'rollback' or isinstance(data__kind, str) and data__kind == 'patch'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".kind must be one of ['deploy', 'rollback', 'patch']", value=data__kind, name="" + (name_prefix or "data") + ".kind", definition={'enum': ['deploy', 'rollback', 'patch']}, rule='enum')
        if "pid" in data_keys:
            data_keys.remove("pid")
            data__pid = data["pid"]
            if not isinstance(data__pid, (int)) and not (isinstance(data__pid, float) and data__pid.is_integer()) or isinstance(data__pid, bool):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".pid must be integer", value=data__pid, name="" + (name_prefix or "data") + ".pid", definition={'type': 'integer', 'minimum': 1}, rule='type')
            if isinstance(data__pid, (int, float, Decimal)) and not isinstance(data__pid, bool):
                if data__pid < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".pid must be bigger than or equal to 1", value=data__pid, name="" + (name_prefix or "data") + ".pid", definition={'type': 'integer', 'minimum': 1}, rule='minimum')
        if "host" in data_keys:
            data_keys.remove("host")
            data__host = data["host"]
            if not isinstance(data__host, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".host must be string", value=data__host, name="" + (name_prefix or "data") + ".host", definition={'type': 'string'}, rule='type')
        if "started" in data_keys:
            data_keys.remove("started")
            data__started = data["started"]
            if not isinstance(data__started, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".started must be string", value=data__started, name="" + (name_prefix or "data") + ".started", definition={'type': 'string', 'pattern': '^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$'}, rule='type')
            if isinstance(data__started, str):
                if not REGEX_PATTERNS['^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$'].search(data__started):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".started must match pattern ^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$", value=data__started, name="" + (name_prefix or "data") + ".started", definition={'type': 'string', 'pattern': '^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$'}, rule='pattern')
        if "restore_point" in data_keys:
            data_keys.remove("restore_point")
            data__restorepoint = data["restore_point"]
            if not isinstance(data__restorepoint, (str, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".restore_point must be string or null", value=data__restorepoint, name="" + (name_prefix or "data") + ".restore_point", definition={'description': 'The way back: the restore point a deploy took, the before-rollback point of a rollback, the newest backup for a patch (null: none).', 'type': ['string', 'null']}, rule='type')
        if "moves_tree" in data_keys:
            data_keys.remove("moves_tree")
            data__movestree = data["moves_tree"]
            if not isinstance(data__movestree, (bool)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".moves_tree must be boolean", value=data__movestree, name="" + (name_prefix or "data") + ".moves_tree", definition={'description': "Whether the run may move the working tree (a checkout, a level 1 or 3 rollback): then only a rollback at level 3 (or the killed rollback's own level) undoes it.", 'type': 'boolean'}, rule='type')
        if "steps" in data_keys:
            data_keys.remove("steps")
            data__steps = data["steps"]
            if not isinstance(data__steps, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".steps must be array", value=data__steps, name="" + (name_prefix or "data") + ".steps", definition={'description': "The titles of the plan's steps.", 'type': 'array', 'items': {'type': 'string'}}, rule='type')
            data__steps_is_list = isinstance(data__steps, (list, tuple))
            if data__steps_is_list:
                data__steps_len = len(data__steps)
                for data__steps_x, data__steps_item in enumerate(data__steps):
                    if not isinstance(data__steps_item, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".steps[{data__steps_x}]".format(**locals()) + " must be string", value=data__steps_item, name="" + (name_prefix or "data") + ".steps[{data__steps_x}]".format(**locals()) + "", definition={'type': 'string'}, rule='type')
        if "step" in data_keys:
            data_keys.remove("step")
            data__step = data["step"]
            if not isinstance(data__step, (int)) and not (isinstance(data__step, float) and data__step.is_integer()) or isinstance(data__step, bool):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".step must be integer", value=data__step, name="" + (name_prefix or "data") + ".step", definition={'description': 'The step (from 1) started last; 0 before the first.', 'type': 'integer', 'minimum': 0}, rule='type')
            if isinstance(data__step, (int, float, Decimal)) and not isinstance(data__step, bool):
                if data__step < 0:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".step must be bigger than or equal to 0", value=data__step, name="" + (name_prefix or "data") + ".step", definition={'description': 'The step (from 1) started last; 0 before the first.', 'type': 'integer', 'minimum': 0}, rule='minimum')
        if "logged" in data_keys:
            data_keys.remove("logged")
            data__logged = data["logged"]
            if not isinstance(data__logged, (bool)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".logged must be boolean", value=data__logged, name="" + (name_prefix or "data") + ".logged", definition={'description': "Whether a later run appended the killed run's line to its log.", 'type': 'boolean'}, rule='type')
        if "rolling_back" in data_keys:
            data_keys.remove("rolling_back")
            data__rollingback = data["rolling_back"]
            if not isinstance(data__rollingback, (bool)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".rolling_back must be boolean", value=data__rollingback, name="" + (name_prefix or "data") + ".rolling_back", definition={'description': "A deploy's own automatic rollback runs (or ran).", 'type': 'boolean'}, rule='type')
        if "ref" in data_keys:
            data_keys.remove("ref")
            data__ref = data["ref"]
            if not isinstance(data__ref, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".ref must be string", value=data__ref, name="" + (name_prefix or "data") + ".ref", definition={'description': 'deploy: what is deployed (a ref, or what another environment runs).', 'type': 'string'}, rule='type')
        if "commit" in data_keys:
            data_keys.remove("commit")
            data__commit = data["commit"]
            if not isinstance(data__commit, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".commit must be string", value=data__commit, name="" + (name_prefix or "data") + ".commit", definition={'description': 'deploy: the commit deployed.', 'type': 'string'}, rule='type')
        if "to" in data_keys:
            data_keys.remove("to")
            data__to = data["to"]
            if not isinstance(data__to, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".to must be string", value=data__to, name="" + (name_prefix or "data") + ".to", definition={'description': "rollback: the restore point's tag.", 'type': 'string'}, rule='type')
        if "level" in data_keys:
            data_keys.remove("level")
            data__level = data["level"]
            if not isinstance(data__level, (int)) and not (isinstance(data__level, float) and data__level.is_integer()) or isinstance(data__level, bool):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".level must be integer", value=data__level, name="" + (name_prefix or "data") + ".level", definition={'description': 'rollback: its level.', 'type': 'integer', 'minimum': 1, 'maximum': 3}, rule='type')
            if isinstance(data__level, (int, float, Decimal)) and not isinstance(data__level, bool):
                if data__level < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".level must be bigger than or equal to 1", value=data__level, name="" + (name_prefix or "data") + ".level", definition={'description': 'rollback: its level.', 'type': 'integer', 'minimum': 1, 'maximum': 3}, rule='minimum')
                if data__level > 3:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".level must be smaller than or equal to 3", value=data__level, name="" + (name_prefix or "data") + ".level", definition={'description': 'rollback: its level.', 'type': 'integer', 'minimum': 1, 'maximum': 3}, rule='maximum')
        if "services" in data_keys:
            data_keys.remove("services")
            data__services = data["services"]
            if not isinstance(data__services, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".services must be array", value=data__services, name="" + (name_prefix or "data") + ".services", definition={'description': 'patch: the services it recreates.', 'type': 'array', 'items': {'type': 'string'}}, rule='type')
            data__services_is_list = isinstance(data__services, (list, tuple))
            if data__services_is_list:
                data__services_len = len(data__services)
                for data__services_x, data__services_item in enumerate(data__services):
                    if not isinstance(data__services_item, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".services[{data__services_x}]".format(**locals()) + " must be string", value=data__services_item, name="" + (name_prefix or "data") + ".services[{data__services_x}]".format(**locals()) + "", definition={'type': 'string'}, rule='type')
        if "previous" in data_keys:
            data_keys.remove("previous")
            data__previous = data["previous"]
            if not isinstance(data__previous, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".previous must be object", value=data__previous, name="" + (name_prefix or "data") + ".previous", definition={'description': "The record of a run killed before, which this run (a rollback) may undo, as it was found: another version's or a damaged one is kept as it is ({} when it did not parse).", 'type': 'object'}, rule='type')
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'https://json-schema.org/draft/2020-12/schema', '$id': 'https://envsync.dev/schemas/run-journal.json', 'title': 'envsync.run-journal/v1', 'description': "`<backups>/<env>/.envsync-running.json`: the deploy, rollback or runtime patch running now (kept from its first step until its log line is written). Found while nobody holds the environment's lock, it is the record of a run that was killed (envsync/journal.py).", 'type': 'object', 'required': ['schema', 'kind', 'pid', 'host', 'started', 'restore_point', 'moves_tree', 'steps', 'step', 'logged'], 'additionalProperties': False, 'properties': {'schema': {'const': 'envsync.run-journal/v1'}, 'kind': {'enum': ['deploy', 'rollback', 'patch']}, 'pid': {'type': 'integer', 'minimum': 1}, 'host': {'type': 'string'}, 'started': {'type': 'string', 'pattern': '^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$'}, 'restore_point': {'description': 'The way back: the restore point a deploy took, the before-rollback point of a rollback, the newest backup for a patch (null: none).', 'type': ['string', 'null']}, 'moves_tree': {'description': "Whether the run may move the working tree (a checkout, a level 1 or 3 rollback): then only a rollback at level 3 (or the killed rollback's own level) undoes it.", 'type': 'boolean'}, 'steps': {'description': "The titles of the plan's steps.", 'type': 'array', 'items': {'type': 'string'}}, 'step': {'description': 'The step (from 1) started last; 0 before the first.', 'type': 'integer', 'minimum': 0}, 'logged': {'description': "Whether a later run appended the killed run's line to its log.", 'type': 'boolean'}, 'rolling_back': {'description': "A deploy's own automatic rollback runs (or ran).", 'type': 'boolean'}, 'ref': {'description': 'deploy: what is deployed (a ref, or what another environment runs).', 'type': 'string'}, 'commit': {'description': 'deploy: the commit deployed.', 'type': 'string'}, 'to': {'description': "rollback: the restore point's tag.", 'type': 'string'}, 'level': {'description': 'rollback: its level.', 'type': 'integer', 'minimum': 1, 'maximum': 3}, 'services': {'description': 'patch: the services it recreates.', 'type': 'array', 'items': {'type': 'string'}}, 'previous': {'description': "The record of a run killed before, which this run (a rollback) may undo, as it was found: another version's or a damaged one is kept as it is ({} when it did not parse).", 'type': 'object'}}, 'allOf': [{'if': {'properties': {'kind': {'const': 'deploy'}}}, 'then': {'required': ['ref', 'commit']}}, {'if': {'properties': {'kind': {'const': 'rollback'}}}, 'then': {'required': ['to', 'level']}}, {'if': {'properties': {'kind': {'const': 'patch'}}}, 'then': {'required': ['services']}}]}, rule='additionalProperties')
    return data
validate = validate_https___envsync_dev_schemas_run_journal_json
