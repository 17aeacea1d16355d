# Generated from restore-point.json by `python -m envsync.schemas.compiled`: do not edit.
# fastjsonschema 2.22.3
# mypy: ignore-errors
# ruff: noqa
SCHEMA_CHECKSUM = 'crc32:5d769c12'
VERSION = "2.22.3"
Decimal = float  # no document holds a Decimal
import re
from envsync.schemas.violation import JsonSchemaValueException, JsonSchemaValuesException


REGEX_PATTERNS = {
    '^[A-Za-z0-9][A-Za-z0-9._-]*$': re.compile('^[A-Za-z0-9][A-Za-z0-9._-]*\\Z'),
    '^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z$': re.compile('^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z\\Z'),
    '^[0-9a-f]{40}([0-9a-f]{24})?$': re.compile('^[0-9a-f]{40}([0-9a-f]{24})?\\Z'),
    '(^|[/\\\\])\\.\\.([/\\\\]|$)': re.compile('(^|[/\\\\])\\.\\.([/\\\\]|\\Z)'),
    '^[^/\\\\]': re.compile('^[^/\\\\]')
}

NoneType = type(None)

def validate_https___envsync_dev_schemas_restore_point_json(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'https://json-schema.org/draft/2020-12/schema', '$id': 'https://envsync.dev/schemas/restore-point.json', 'title': 'envsync.restore-point/v1', 'description': "A restore point's manifest (`<backups>/<env>/<tag>.json`), written by `envsync backup` and before a rollback runs.", 'type': 'object', 'required': ['schema', 'tag', 'environment', 'kind', 'time', 'commit', 'snapshot', 'images'], 'additionalProperties': False, 'properties': {'schema': {'const': 'envsync.restore-point/v1'}, 'tag': {'description': "The git tag, also the manifest's file name: no path separators.", 'type': 'string', 'pattern': '^[A-Za-z0-9][A-Za-z0-9._-]*$'}, 'environment': {'type': 'string', 'minLength': 1}, 'kind': {'enum': ['backup', 'before-rollback']}, 'time': {'description': 'UTC, ISO 8601.', 'type': 'string', 'pattern': '^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z$'}, 'commit': {'type': 'string', 'pattern': '^[0-9a-f]{40}([0-9a-f]{24})?$'}, 'snapshot': {'description': 'The snapshot file of the state recorded.', 'type': 'string', 'minLength': 1}, 'dirty': {'type': 'boolean'}, 'images': {'description': 'Service → the image it ran.', 'type': 'object', 'additionalProperties': {'type': 'object', 'required': ['service', 'ref', 'image_id'], 'additionalProperties': False, 'properties': {'service': {'type': 'string'}, 'ref': {'type': ['string', 'null']}, 'image_id': {'type': 'string'}, 'digests': {'type': 'array', 'items': {'type': 'string'}}, 'archive': {'description': 'Relative to the backup folder; null when not saved.', 'type': ['string', 'null'], 'pattern': '^[^/\\\\]', 'not': {'type': 'string', 'pattern': '(^|[/\\\\])\\.\\.([/\\\\]|$)'}}, 'size': {'type': ['integer', 'null']}, 'pruned': {'type': 'boolean'}}}}}, '$defs': {'image': {'type': 'object', 'required': ['service', 'ref', 'image_id'], 'additionalProperties': False, 'properties': {'service': {'type': 'string'}, 'ref': {'type': ['string', 'null']}, 'image_id': {'type': 'string'}, 'digests': {'type': 'array', 'items': {'type': 'string'}}, 'archive': {'description': 'Relative to the backup folder; null when not saved.', 'type': ['string', 'null'], 'pattern': '^[^/\\\\]', 'not': {'type': 'string', 'pattern': '(^|[/\\\\])\\.\\.([/\\\\]|$)'}}, 'size': {'type': ['integer', 'null']}, 'pruned': {'type': 'boolean'}}}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['schema', 'tag', 'environment', 'kind', 'time', 'commit', 'snapshot', 'images']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'https://json-schema.org/draft/2020-12/schema', '$id': 'https://envsync.dev/schemas/restore-point.json', 'title': 'envsync.restore-point/v1', 'description': "A restore point's manifest (`<backups>/<env>/<tag>.json`), written by `envsync backup` and before a rollback runs.", 'type': 'object', 'required': ['schema', 'tag', 'environment', 'kind', 'time', 'commit', 'snapshot', 'images'], 'additionalProperties': False, 'properties': {'schema': {'const': 'envsync.restore-point/v1'}, 'tag': {'description': "The git tag, also the manifest's file name: no path separators.", 'type': 'string', 'pattern': '^[A-Za-z0-9][A-Za-z0-9._-]*$'}, 'environment': {'type': 'string', 'minLength': 1}, 'kind': {'enum': ['backup', 'before-rollback']}, 'time': {'description': 'UTC, ISO 8601.', 'type': 'string', 'pattern': '^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z$'}, 'commit': {'type': 'string', 'pattern': '^[0-9a-f]{40}([0-9a-f]{24})?$'}, 'snapshot': {'description': 'The snapshot file of the state recorded.', 'type': 'string', 'minLength': 1}, 'dirty': {'type': 'boolean'}, 'images': {'description': 'Service → the image it ran.', 'type': 'object', 'additionalProperties': {'type': 'object', 'required': ['service', 'ref', 'image_id'], 'additionalProperties': False, 'properties': {'service': {'type': 'string'}, 'ref': {'type': ['string', 'null']}, 'image_id': {'type': 'string'}, 'digests': {'type': 'array', 'items': {'type': 'string'}}, 'archive': {'description': 'Relative to the backup folder; null when not saved.', 'type': ['string', 'null'], 'pattern': '^[^/\\\\]', 'not': {'type': 'string', 'pattern': '(^|[/\\\\])\\.\\.([/\\\\]|$)'}}, 'size': {'type': ['integer', 'null']}, 'pruned': {'type': 'boolean'}}}}}, '$defs': {'image': {'type': 'object', 'required': ['service', 'ref', 'image_id'], 'additionalProperties': False, 'properties': {'service': {'type': 'string'}, 'ref': {'type': ['string', 'null']}, 'image_id': {'type': 'string'}, 'digests': {'type': 'array', 'items': {'type': 'string'}}, 'archive': {'description': 'Relative to the backup folder; null when not saved.', 'type': ['string', 'null'], 'pattern': '^[^/\\\\]', 'not': {'type': 'string', 'pattern': '(^|[/\\\\])\\.\\.([/\\\\]|$)'}}, 'size': {'type': ['integer', 'null']}, 'pruned': {'type': 'boolean'}}}}}, rule='required')
        data_keys = set(data.keys())
        if "schema" in data_keys:
            data_keys.remove("schema")
            data__schema = data["schema"]
            if not (isinstance(data__schema, str) and data__schema == 'envsync.restore-point/v1'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".schema must be same as const definition: envsync.restore-point/v1", value=data__schema, name="" + (name_prefix or "data") + ".schema", definition={'const': 'envsync.restore-point/v1'}, rule='const')
        if "tag" in data_keys:
            data_keys.remove("tag")
            data__tag = data["tag"]
            if not isinstance(data__tag, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".tag must be string", value=data__tag, name="" + (name_prefix or "data") + ".tag", definition={'description': "The git tag, also the manifest's file name: no path separators.", 'type': 'string', 'pattern': '^[A-Za-z0-9][A-Za-z0-9._-]*$'}, rule='type')
            if isinstance(data__tag, str):
                if not REGEX_PATTERNS['^[A-Za-z0-9][A-Za-z0-9._-]*$'].search(data__tag):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".tag must match pattern ^[A-Za-z0-9][A-Za-z0-9._-]*$", value=data__tag, name="" + (name_prefix or "data") + ".tag", definition={'description': "The git tag, also the manifest's file name: no path separators.", 'type': 'string', 'pattern': '^[A-Za-z0-9][A-Za-z0-9._-]*$'}, rule='pattern')
        if "environment" in data_keys:
            data_keys.remove("environment")
            data__environment = data["environment"]
            if not isinstance(data__environment, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".environment must be string", value=data__environment, name="" + (name_prefix or "data") + ".environment", definition={'type': 'string', 'minLength': 1}, rule='type')
            if isinstance(data__environment, str):
                data__environment_len = len(data__environment)
                if data__environment_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".environment must be longer than or equal to 1 characters", value=data__environment, name="" + (name_prefix or "data") + ".environment", definition={'type': 'string', 'minLength': 1}, rule='minLength')
        if "kind" in data_keys:
            data_keys.remove("kind")
            data__kind = data["kind"]
            if not (isinstance(data__kind, str) and data__kind == 'backup' or isinstance(data__kind, str) and data__kind == 'before-rollback'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".kind must be one of ['backup', 'before-rollback']", value=data__kind, name="" + (name_prefix or "data") + ".kind", definition={'enum': ['backup', 'before-rollback']}, rule='enum')
        if "time" in data_keys:
            data_keys.remove("time")
            data__time = data["time"]
            if not isinstance(data__time, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".time must be string", value=data__time, name="" + (name_prefix or "data") + ".time", definition={'description': 'UTC, ISO 8601.', 'type': 'string', 'pattern': '^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z$'}, rule='type')
            if isinstance(data__time, str):
                if not REGEX_PATTERNS['^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z$'].search(data__time):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".time must match pattern ^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z$", value=data__time, name="" + (name_prefix or "data") + ".time", definition={'description': 'UTC, ISO 8601.', 'type': 'string', 'pattern': '^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z$'}, rule='pattern')
        if "commit" in data_keys:
            data_keys.remove("commit")
            data__commit = data["commit"]
            if not isinstance(data__commit, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".commit must be string", value=data__commit, name="" + (name_prefix or "data") + ".commit", definition={'type': 'string', 'pattern': '^[0-9a-f]{40}([0-9a-f]{24})?$'}, rule='type')
            if isinstance(data__commit, str):
                if not REGEX_PATTERNS['^[0-9a-f]{40}([0-9a-f]{24})?$'].search(data__commit):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".commit must match pattern ^[0-9a-f]{40}([0-9a-f]{24})?$", value=data__commit, name="" + (name_prefix or "data") + ".commit", definition={'type': 'string', 'pattern': '^[0-9a-f]{40}([0-9a-f]{24})?$'}, rule='pattern')
        if "snapshot" in data_keys:
            data_keys.remove("snapshot")
            data__snapshot = data["snapshot"]
            if not isinstance(data__snapshot, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".snapshot must be string", value=data__snapshot, name="" + (name_prefix or "data") + ".snapshot", definition={'description': 'The snapshot file of the state recorded.', 'type': 'string', 'minLength': 1}, rule='type')
            if isinstance(data__snapshot, str):
                data__snapshot_len = len(data__snapshot)
                if data__snapshot_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".snapshot must be longer than or equal to 1 characters", value=data__snapshot, name="" + (name_prefix or "data") + ".snapshot", definition={'description': 'The snapshot file of the state recorded.', 'type': 'string', 'minLength': 1}, rule='minLength')
        if "dirty" in data_keys:
            data_keys.remove("dirty")
            data__dirty = data["dirty"]
            if not isinstance(data__dirty, (bool)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".dirty must be boolean", value=data__dirty, name="" + (name_prefix or "data") + ".dirty", definition={'type': 'boolean'}, rule='type')
        if "images" in data_keys:
            data_keys.remove("images")
            data__images = data["images"]
            if not isinstance(data__images, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".images must be object", value=data__images, name="" + (name_prefix or "data") + ".images", definition={'description': 'Service → the image it ran.', 'type': 'object', 'additionalProperties': {'type': 'object', 'required': ['service', 'ref', 'image_id'], 'additionalProperties': False, 'properties': {'service': {'type': 'string'}, 'ref': {'type': ['string', 'null']}, 'image_id': {'type': 'string'}, 'digests': {'type': 'array', 'items': {'type': 'string'}}, 'archive': {'description': 'Relative to the backup folder; null when not saved.', 'type': ['string', 'null'], 'pattern': '^[^/\\\\]', 'not': {'type': 'string', 'pattern': '(^|[/\\\\])\\.\\.([/\\\\]|$)'}}, 'size': {'type': ['integer', 'null']}, 'pruned': {'type': 'boolean'}}}}, rule='type')
            data__images_is_dict = isinstance(data__images, dict)
            if data__images_is_dict:
                data__images_keys = set(data__images.keys())
                for data__images_key in data__images_keys:
                    if data__images_key not in []:
                        data__images_value = data__images.get(data__images_key)
                        validate_https___envsync_dev_schemas_restore_point_json___defs_image(data__images_value, custom_formats, (name_prefix or "data") + ".images.{data__images_key}".format(**locals()))
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'https://json-schema.org/draft/2020-12/schema', '$id': 'https://envsync.dev/schemas/restore-point.json', 'title': 'envsync.restore-point/v1', 'description': "A restore point's manifest (`<backups>/<env>/<tag>.json`), written by `envsync backup` and before a rollback runs.", 'type': 'object', 'required': ['schema', 'tag', 'environment', 'kind', 'time', 'commit', 'snapshot', 'images'], 'additionalProperties': False, 'properties': {'schema': {'const': 'envsync.restore-point/v1'}, 'tag': {'description': "The git tag, also the manifest's file name: no path separators.", 'type': 'string', 'pattern': '^[A-Za-z0-9][A-Za-z0-9._-]*$'}, 'environment': {'type': 'string', 'minLength': 1}, 'kind': {'enum': ['backup', 'before-rollback']}, 'time': {'description': 'UTC, ISO 8601.', 'type': 'string', 'pattern': '^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z$'}, 'commit': {'type': 'string', 'pattern': '^[0-9a-f]{40}([0-9a-f]{24})?$'}, 'snapshot': {'description': 'The snapshot file of the state recorded.', 'type': 'string', 'minLength': 1}, 'dirty': {'type': 'boolean'}, 'images': {'description': 'Service → the image it ran.', 'type': 'object', 'additionalProperties': {'type': 'object', 'required': ['service', 'ref', 'image_id'], 'additionalProperties': False, 'properties': {'service': {'type': 'string'}, 'ref': {'type': ['string', 'null']}, 'image_id': {'type': 'string'}, 'digests': {'type': 'array', 'items': {'type': 'string'}}, 'archive': {'description': 'Relative to the backup folder; null when not saved.', 'type': ['string', 'null'], 'pattern': '^[^/\\\\]', 'not': {'type': 'string', 'pattern': '(^|[/\\\\])\\.\\.([/\\\\]|$)'}}, 'size': {'type': ['integer', 'null']}, 'pruned': {'type': 'boolean'}}}}}, '$defs': {'image': {'type': 'object', 'required': ['service', 'ref', 'image_id'], 'additionalProperties': False, 'properties': {'service': {'type': 'string'}, 'ref': {'type': ['string', 'null']}, 'image_id': {'type': 'string'}, 'digests': {'type': 'array', 'items': {'type': 'string'}}, 'archive': {'description': 'Relative to the backup folder; null when not saved.', 'type': ['string', 'null'], 'pattern': '^[^/\\\\]', 'not': {'type': 'string', 'pattern': '(^|[/\\\\])\\.\\.([/\\\\]|$)'}}, 'size': {'type': ['integer', 'null']}, 'pruned': {'type': 'boolean'}}}}}, rule='additionalProperties')
    return data

def validate_https___envsync_dev_schemas_restore_point_json___defs_image(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['service', 'ref', 'image_id'], 'additionalProperties': False, 'properties': {'service': {'type': 'string'}, 'ref': {'type': ['string', 'null']}, 'image_id': {'type': 'string'}, 'digests': {'type': 'array', 'items': {'type': 'string'}}, 'archive': {'description': 'Relative to the backup folder; null when not saved.', 'type': ['string', 'null'], 'pattern': '^[^/\\\\]', 'not': {'type': 'string', 'pattern': '(^|[/\\\\])\\.\\.([/\\\\]|$)'}}, 'size': {'type': ['integer', 'null']}, 'pruned': {'type': 'boolean'}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['service', 'ref', 'image_id']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['service', 'ref', 'image_id'], 'additionalProperties': False, 'properties': {'service': {'type': 'string'}, 'ref': {'type': ['string', 'null']}, 'image_id': {'type': 'string'}, 'digests': {'type': 'array', 'items': {'type': 'string'}}, 'archive': {'description': 'Relative to the backup folder; null when not saved.', 'type': ['string', 'null'], 'pattern': '^[^/\\\\]', 'not': {'type': 'string', 'pattern': '(^|[/\\\\])\\.\\.([/\\\\]|$)'}}, 'size': {'type': ['integer', 'null']}, 'pruned': {'type': 'boolean'}}}, rule='required')
        data_keys = set(data.keys())
        if "service" in data_keys:
            data_keys.remove("service")
            data__service = data["service"]
            if not isinstance(data__service, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".service must be string", value=data__service, name="" + (name_prefix or "data") + ".service", definition={'type': 'string'}, rule='type')
        if "ref" in data_keys:
            data_keys.remove("ref")
            data__ref = data["ref"]
            if not isinstance(data__ref, (str, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".ref must be string or null", value=data__ref, name="" + (name_prefix or "data") + ".ref", definition={'type': ['string', 'null']}, rule='type')
        if "image_id" in data_keys:
            data_keys.remove("image_id")
            data__imageid = data["image_id"]
            if not isinstance(data__imageid, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".image_id must be string", value=data__imageid, name="" + (name_prefix or "data") + ".image_id", definition={'type': 'string'}, rule='type')
        if "digests" in data_keys:
            data_keys.remove("digests")
            data__digests = data["digests"]
            if not isinstance(data__digests, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".digests must be array", value=data__digests, name="" + (name_prefix or "data") + ".digests", definition={'type': 'array', 'items': {'type': 'string'}}, rule='type')
            data__digests_is_list = isinstance(data__digests, (list, tuple))
            if data__digests_is_list:
                data__digests_len = len(data__digests)
                for data__digests_x, data__digests_item in enumerate(data__digests):
                    if not isinstance(data__digests_item, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".digests[{data__digests_x}]".format(**locals()) + " must be string", value=data__digests_item, name="" + (name_prefix or "data") + ".digests[{data__digests_x}]".format(**locals()) + "", definition={'type': 'string'}, rule='type')
        if "archive" in data_keys:
            data_keys.remove("archive")
            data__archive = data["archive"]
            if not isinstance(data__archive, (str, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".archive must be string or null", value=data__archive, name="" + (name_prefix or "data") + ".archive", definition={'description': 'Relative to the backup folder; null when not saved.', 'type': ['string', 'null'], 'pattern': '^[^/\\\\]', 'not': {'type': 'string', 'pattern': '(^|[/\\\\])\\.\\.([/\\\\]|$)'}}, rule='type')
            try:
                if not isinstance(data__archive, (str)):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".archive must be string", value=data__archive, name="" + (name_prefix or "data") + ".archive", definition={'type': 'string', 'pattern': '(^|[/\\\\])\\.\\.([/\\\\]|$)'}, rule='type')
                if isinstance(data__archive, str):
                    if not REGEX_PATTERNS['(^|[/\\\\])\\.\\.([/\\\\]|$)'].search(data__archive):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".archive must match pattern (^|[/\\\\])\\.\\.([/\\\\]|$)", value=data__archive, name="" + (name_prefix or "data") + ".archive", definition={'type': 'string', 'pattern': '(^|[/\\\\])\\.\\.([/\\\\]|$)'}, rule='pattern')
            except (JsonSchemaValueException, JsonSchemaValuesException): pass
            else:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".archive must NOT match a disallowed definition", value=data__archive, name="" + (name_prefix or "data") + ".archive", definition={'description': 'Relative to the backup folder; null when not saved.', 'type': ['string', 'null'], 'pattern': '^[^/\\\\]', 'not': {'type': 'string', 'pattern': '(^|[/\\\\])\\.\\.([/\\\\]|$)'}}, rule='not')
            if isinstance(data__archive, str):
                if not REGEX_PATTERNS['^[^/\\\\]'].search(data__archive):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".archive must match pattern ^[^/\\\\]", value=data__archive, name="" + (name_prefix or "data") + ".archive", definition={'description': 'Relative to the backup folder; null when not saved.', 'type': ['string', 'null'], 'pattern': '^[^/\\\\]', 'not': {'type': 'string', 'pattern': '(^|[/\\\\])\\.\\.([/\\\\]|$)'}}, rule='pattern')
        if "size" in data_keys:
            data_keys.remove("size")
            data__size = data["size"]
            if not isinstance(data__size, (int, NoneType)) and not (isinstance(data__size, float) and data__size.is_integer()) or isinstance(data__size, bool):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".size must be integer or null", value=data__size, name="" + (name_prefix or "data") + ".size", definition={'type': ['integer', 'null']}, rule='type')
        if "pruned" in data_keys:
            data_keys.remove("pruned")
            data__pruned = data["pruned"]
            if not isinstance(data__pruned, (bool)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".pruned must be boolean", value=data__pruned, name="" + (name_prefix or "data") + ".pruned", definition={'type': 'boolean'}, rule='type')
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['service', 'ref', 'image_id'], 'additionalProperties': False, 'properties': {'service': {'type': 'string'}, 'ref': {'type': ['string', 'null']}, 'image_id': {'type': 'string'}, 'digests': {'type': 'array', 'items': {'type': 'string'}}, 'archive': {'description': 'Relative to the backup folder; null when not saved.', 'type': ['string', 'null'], 'pattern': '^[^/\\\\]', 'not': {'type': 'string', 'pattern': '(^|[/\\\\])\\.\\.([/\\\\]|$)'}}, 'size': {'type': ['integer', 'null']}, 'pruned': {'type': 'boolean'}}}, rule='additionalProperties')
    return data
validate = validate_https___envsync_dev_schemas_restore_point_json
