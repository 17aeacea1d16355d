# Generated from snapshot.json by `python -m envsync.schemas.compiled`: do not edit.
# fastjsonschema 2.22.3
# mypy: ignore-errors
# ruff: noqa
SCHEMA_SHA256 = '14e920ad205096fe403ecd011183317461a4b9a1ae19f9b8f6a8d67cfda584ec'
VERSION = "2.22.3"
from decimal import Decimal
import re
from fastjsonschema import JsonSchemaValueException, JsonSchemaValuesException


REGEX_PATTERNS = {
    '^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$': re.compile('^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\\Z')
}

NoneType = type(None)

def validate_https___envsync_dev_schemas_snapshot_json(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'https://json-schema.org/draft/2020-12/schema', '$id': 'https://envsync.dev/schemas/snapshot.json', 'title': 'envsync.snapshot/v1', 'description': 'What envsync captured of one environment at one moment (written by `envsync snapshot`, `backup`, `rollback`). Secret values are never stored: they appear as fingerprints (secret:hmac-sha256:…).', 'type': 'object', 'required': ['schema', 'meta', 'git', 'compose', 'env_files', 'containers', 'stats', 'health', 'limits'], 'additionalProperties': False, 'properties': {'schema': {'const': 'envsync.snapshot/v1'}, 'meta': {'type': 'object', 'required': ['environment', 'project', 'time', 'envsync_version', 'compose_version', 'engine', 'host', 'duration_s', 'errors'], 'additionalProperties': False, 'properties': {'environment': {'type': 'string', 'minLength': 1}, 'project': {'type': 'string'}, 'time': {'type': 'string', 'pattern': '^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$'}, 'envsync_version': {'type': 'string'}, 'compose_version': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}, 'engine': {'type': ['object', 'null'], 'required': ['url'], 'additionalProperties': False, 'properties': {'url': {'type': 'string'}, 'version': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}, 'api_version': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}}}, 'host': {'type': 'string'}, 'duration_s': {'type': ['number', 'null']}, 'errors': {'description': 'The parts that could not be captured, with the reason.', 'type': 'array', 'items': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/part_error'}}}}, 'git': {'type': 'object', 'required': ['path', 'head', 'dirty', 'untracked'], 'additionalProperties': False, 'properties': {'path': {'type': 'string'}, 'remote': {'type': 'string'}, 'url': {'type': 'string'}, 'branch': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}, 'head': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}, 'describe': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}, 'tags': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/string_list'}, 'subject': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}, 'upstream': {'type': ['object', 'null'], 'required': ['ref'], 'additionalProperties': False, 'properties': {'ref': {'type': 'string'}, 'ahead': {'type': ['integer', 'null']}, 'behind': {'type': ['integer', 'null']}}}, 'dirty': {'type': 'array', 'items': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/file_state'}}, 'untracked': {'type': 'array', 'items': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/file_state'}}}}, 'compose': {'type': ['object', 'null'], 'required': ['project', 'files', 'declared'], 'additionalProperties': False, 'properties': {'project': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}, 'files': {'type': 'array', 'items': {'type': 'object', 'required': ['path'], 'additionalProperties': False, 'properties': {'path': {'type': 'string'}, 'sha256': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}}}}, 'env_file': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}, 'declared': {'description': "`docker compose config --format json` of the working tree (compose's own model). Only the parts envsync reads are checked here; the rest is compose's.", '$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/compose_model'}, 'committed': {'description': 'The same for the committed HEAD; null when it could not be resolved.', '$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/compose_model_or_null'}, 'hashes': {'description': 'Service → `docker compose config --hash`.', '$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/hash_map'}, 'committed_hashes': {'type': ['object', 'null'], 'additionalProperties': {'type': 'string'}}, 'unversioned': {'description': 'Env files copied from the working tree to resolve HEAD (git does not hold them).', '$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/string_list'}}}, 'env_files': {'description': 'Env file (relative path) → key → value (a fingerprint for a secret; null for a key without a value).', 'type': 'object', 'additionalProperties': {'type': 'object', 'additionalProperties': {'type': ['string', 'null']}}}, 'containers': {'description': 'Result key (service, service#N for replica N, or container name) → container record; null when the engine could not list them or the environment has no runtime.', 'type': ['object', 'null'], 'additionalProperties': {'type': 'object', 'required': ['name', 'service', 'image', 'state'], 'additionalProperties': False, 'properties': {'name': {'type': 'string'}, 'service': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}, 'image': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}, 'image_id': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}, 'state': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}, 'health': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}, 'restart_count': {'type': 'integer'}, 'started_at': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}, 'command': {'description': "null when the image's default.", 'type': ['array', 'null'], 'items': {'type': 'string'}}, 'entrypoint': {'description': "null when the image's default.", 'type': ['array', 'null'], 'items': {'type': 'string'}}, 'env': {'description': "Without the image's own KEY=value pairs.", '$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/string_map'}, 'ports': {'description': 'HOST_IP:HOST_PORT->PORT/PROTO', '$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/string_list'}, 'mounts': {'type': 'array', 'items': {'type': 'object', 'required': ['type', 'source', 'target', 'read_only'], 'additionalProperties': False, 'properties': {'type': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}, 'source': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}, 'target': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}, 'read_only': {'type': 'boolean'}}}}, 'labels': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/string_map'}, 'restart_policy': {'type': 'string'}, 'memory_limit_mb': {'type': ['number', 'null']}, 'network_mode': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}, 'user': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}, 'healthcheck': {'type': ['object', 'null'], 'additionalProperties': False, 'properties': {'test': {'type': ['array', 'string', 'null'], 'items': {'type': 'string'}}, 'interval': {'type': 'string'}, 'timeout': {'type': 'string'}, 'start_period': {'type': 'string'}, 'retries': {'type': 'integer'}}}}}}, 'stats': {'description': 'Result key → stats of a running container; null when not read.', 'type': ['object', 'null'], 'additionalProperties': {'type': 'object', 'additionalProperties': False, 'properties': {'memory_used_mb': {'type': ['number', 'null']}, 'memory_limit_mb': {'type': ['number', 'null']}, 'cpu_percent': {'type': ['number', 'null']}, 'pids': {'type': ['integer', 'null']}}}}, 'health': {'description': 'Health check name → its result; null when the environment has no runtime.', 'type': ['object', 'null'], 'additionalProperties': {'type': 'object', 'required': ['status'], 'additionalProperties': False, 'properties': {'status': {'enum': ['ok', 'failed', 'error']}, 'http_status': {'type': ['integer', 'null']}, 'latency_ms': {'type': ['number', 'null']}, 'error': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}}}}, 'limits': {'type': 'object', 'required': ['memory_mb'], 'additionalProperties': False, 'properties': {'memory_mb': {'type': 'object', 'additionalProperties': {'type': 'number'}}}}, 'swarm': {'description': "A Swarm stack: its services' specs and tasks, the nodes, secrets and configs by name.", 'type': 'object', 'additionalProperties': False, 'required': ['stack', 'manager', 'services', 'nodes', 'secrets', 'configs'], 'properties': {'stack': {'type': 'string'}, 'manager': {'type': 'string', 'description': "The manager's engine URL, without any password."}, 'services': {'type': 'object', 'description': 'Compose service name (the Swarm service without the `<stack>_` prefix) → its spec and tasks.', 'additionalProperties': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/swarm_service'}}, 'nodes': {'type': 'object', 'description': 'Hostname → node.', 'additionalProperties': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/swarm_node'}}, 'secrets': {'type': 'object', 'description': "The stack's Swarm secrets by name and version; their data is never read.", 'additionalProperties': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/swarm_object'}}, 'configs': {'type': 'object', 'description': "The stack's Swarm configs by name and version; their data is never read.", 'additionalProperties': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/swarm_object'}}}}}, '$defs': {'nullable_string': {'type': ['string', 'null']}, 'string_list': {'type': 'array', 'items': {'type': 'string'}}, 'string_map': {'type': 'object', 'additionalProperties': {'type': ['string', 'null']}}, 'meta': {'type': 'object', 'required': ['environment', 'project', 'time', 'envsync_version', 'compose_version', 'engine', 'host', 'duration_s', 'errors'], 'additionalProperties': False, 'properties': {'environment': {'type': 'string', 'minLength': 1}, 'project': {'type': 'string'}, 'time': {'type': 'string', 'pattern': '^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$'}, 'envsync_version': {'type': 'string'}, 'compose_version': {'type': ['string', 'null']}, 'engine': {'type': ['object', 'null'], 'required': ['url'], 'additionalProperties': False, 'properties': {'url': {'type': 'string'}, 'version': {'type': ['string', 'null']}, 'api_version': {'type': ['string', 'null']}}}, 'host': {'type': 'string'}, 'duration_s': {'type': ['number', 'null']}, 'errors': {'description': 'The parts that could not be captured, with the reason.', 'type': 'array', 'items': {'type': 'object', 'required': ['part', 'reason'], 'additionalProperties': False, 'properties': {'part': {'type': 'string'}, 'reason': {'type': 'string'}}}}}}, 'part_error': {'type': 'object', 'required': ['part', 'reason'], 'additionalProperties': False, 'properties': {'part': {'type': 'string'}, 'reason': {'type': 'string'}}}, 'git': {'type': 'object', 'required': ['path', 'head', 'dirty', 'untracked'], 'additionalProperties': False, 'properties': {'path': {'type': 'string'}, 'remote': {'type': 'string'}, 'url': {'type': 'string'}, 'branch': {'type': ['string', 'null']}, 'head': {'type': ['string', 'null']}, 'describe': {'type': ['string', 'null']}, 'tags': {'type': 'array', 'items': {'type': 'string'}}, 'subject': {'type': ['string', 'null']}, 'upstream': {'type': ['object', 'null'], 'required': ['ref'], 'additionalProperties': False, 'properties': {'ref': {'type': 'string'}, 'ahead': {'type': ['integer', 'null']}, 'behind': {'type': ['integer', 'null']}}}, 'dirty': {'type': 'array', 'items': {'type': 'object', 'required': ['path', 'status'], 'additionalProperties': False, 'properties': {'path': {'type': 'string'}, 'status': {'type': 'string'}, 'sha256': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}}}}, 'untracked': {'type': 'array', 'items': {'type': 'object', 'required': ['path', 'status'], 'additionalProperties': False, 'properties': {'path': {'type': 'string'}, 'status': {'type': 'string'}, 'sha256': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}}}}}}, 'file_state': {'type': 'object', 'required': ['path', 'status'], 'additionalProperties': False, 'properties': {'path': {'type': 'string'}, 'status': {'type': 'string'}, 'sha256': {'type': ['string', 'null']}}}, 'compose': {'type': ['object', 'null'], 'required': ['project', 'files', 'declared'], 'additionalProperties': False, 'properties': {'project': {'type': ['string', 'null']}, 'files': {'type': 'array', 'items': {'type': 'object', 'required': ['path'], 'additionalProperties': False, 'properties': {'path': {'type': 'string'}, 'sha256': {'type': ['string', 'null']}}}}, 'env_file': {'type': ['string', 'null']}, 'declared': {'type': 'object', 'properties': {'name': {'type': 'string'}, 'services': {'type': 'object', 'additionalProperties': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/compose_service'}}, 'networks': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}, 'volumes': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}, 'secrets': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}, 'configs': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}}}, 'committed': {'type': ['object', 'null'], 'properties': {'name': {'type': 'string'}, 'services': {'type': 'object', 'additionalProperties': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/compose_service'}}, 'networks': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}, 'volumes': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}, 'secrets': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}, 'configs': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}}}, 'hashes': {'type': 'object', 'additionalProperties': {'type': 'string'}}, 'committed_hashes': {'type': ['object', 'null'], 'additionalProperties': {'type': 'string'}}, 'unversioned': {'type': 'array', 'items': {'type': 'string'}}}}, 'hash_map': {'type': 'object', 'additionalProperties': {'type': 'string'}}, 'container': {'type': 'object', 'required': ['name', 'service', 'image', 'state'], 'additionalProperties': False, 'properties': {'name': {'type': 'string'}, 'service': {'type': ['string', 'null']}, 'image': {'type': ['string', 'null']}, 'image_id': {'type': ['string', 'null']}, 'state': {'type': ['string', 'null']}, 'health': {'type': ['string', 'null']}, 'restart_count': {'type': 'integer'}, 'started_at': {'type': ['string', 'null']}, 'command': {'description': "null when the image's default.", 'type': ['array', 'null'], 'items': {'type': 'string'}}, 'entrypoint': {'description': "null when the image's default.", 'type': ['array', 'null'], 'items': {'type': 'string'}}, 'env': {'type': 'object', 'additionalProperties': {'type': ['string', 'null']}}, 'ports': {'type': 'array', 'items': {'type': 'string'}}, 'mounts': {'type': 'array', 'items': {'type': 'object', 'required': ['type', 'source', 'target', 'read_only'], 'additionalProperties': False, 'properties': {'type': {'type': ['string', 'null']}, 'source': {'type': ['string', 'null']}, 'target': {'type': ['string', 'null']}, 'read_only': {'type': 'boolean'}}}}, 'labels': {'type': 'object', 'additionalProperties': {'type': ['string', 'null']}}, 'restart_policy': {'type': 'string'}, 'memory_limit_mb': {'type': ['number', 'null']}, 'network_mode': {'type': ['string', 'null']}, 'user': {'type': ['string', 'null']}, 'healthcheck': {'type': ['object', 'null'], 'additionalProperties': False, 'properties': {'test': {'type': ['array', 'string', 'null'], 'items': {'type': 'string'}}, 'interval': {'type': 'string'}, 'timeout': {'type': 'string'}, 'start_period': {'type': 'string'}, 'retries': {'type': 'integer'}}}}}, 'stats': {'type': 'object', 'additionalProperties': False, 'properties': {'memory_used_mb': {'type': ['number', 'null']}, 'memory_limit_mb': {'type': ['number', 'null']}, 'cpu_percent': {'type': ['number', 'null']}, 'pids': {'type': ['integer', 'null']}}}, 'check_result': {'type': 'object', 'required': ['status'], 'additionalProperties': False, 'properties': {'status': {'enum': ['ok', 'failed', 'error']}, 'http_status': {'type': ['integer', 'null']}, 'latency_ms': {'type': ['number', 'null']}, 'error': {'type': ['string', 'null']}}}, 'compose_model': {'type': 'object', 'properties': {'name': {'type': 'string'}, 'services': {'type': 'object', 'additionalProperties': {'description': "One service of compose's resolved model: the fields envsync reads are typed, the rest is compose's.", 'type': 'object', 'properties': {'image': {'type': ['string', 'null']}, 'command': {'type': ['array', 'string', 'null']}, 'entrypoint': {'type': ['array', 'string', 'null']}, 'environment': {'type': ['object', 'null']}, 'env_file': {'type': ['array', 'string', 'object', 'null']}, 'ports': {'type': ['array', 'null']}, 'volumes': {'type': ['array', 'null']}, 'labels': {'type': ['object', 'null']}, 'networks': {'type': ['object', 'array', 'null']}, 'network_mode': {'type': ['string', 'null']}, 'healthcheck': {'type': ['object', 'null']}, 'build': {'type': ['object', 'string', 'null']}, 'deploy': {'type': ['object', 'null'], 'properties': {'resources': {'type': ['object', 'null'], 'properties': {'limits': {'type': ['object', 'null']}, 'reservations': {'type': ['object', 'null']}}}}}}}}, 'networks': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}, 'volumes': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}, 'secrets': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}, 'configs': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}}}, 'compose_model_or_null': {'type': ['object', 'null'], 'properties': {'name': {'type': 'string'}, 'services': {'type': 'object', 'additionalProperties': {'description': "One service of compose's resolved model: the fields envsync reads are typed, the rest is compose's.", 'type': 'object', 'properties': {'image': {'type': ['string', 'null']}, 'command': {'type': ['array', 'string', 'null']}, 'entrypoint': {'type': ['array', 'string', 'null']}, 'environment': {'type': ['object', 'null']}, 'env_file': {'type': ['array', 'string', 'object', 'null']}, 'ports': {'type': ['array', 'null']}, 'volumes': {'type': ['array', 'null']}, 'labels': {'type': ['object', 'null']}, 'networks': {'type': ['object', 'array', 'null']}, 'network_mode': {'type': ['string', 'null']}, 'healthcheck': {'type': ['object', 'null']}, 'build': {'type': ['object', 'string', 'null']}, 'deploy': {'type': ['object', 'null'], 'properties': {'resources': {'type': ['object', 'null'], 'properties': {'limits': {'type': ['object', 'null']}, 'reservations': {'type': ['object', 'null']}}}}}}}}, 'networks': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}, 'volumes': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}, 'secrets': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}, 'configs': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}}}, 'compose_service': {'description': "One service of compose's resolved model: the fields envsync reads are typed, the rest is compose's.", 'type': 'object', 'properties': {'image': {'type': ['string', 'null']}, 'command': {'type': ['array', 'string', 'null']}, 'entrypoint': {'type': ['array', 'string', 'null']}, 'environment': {'type': ['object', 'null']}, 'env_file': {'type': ['array', 'string', 'object', 'null']}, 'ports': {'type': ['array', 'null']}, 'volumes': {'type': ['array', 'null']}, 'labels': {'type': ['object', 'null']}, 'networks': {'type': ['object', 'array', 'null']}, 'network_mode': {'type': ['string', 'null']}, 'healthcheck': {'type': ['object', 'null']}, 'build': {'type': ['object', 'string', 'null']}, 'deploy': {'type': ['object', 'null'], 'properties': {'resources': {'type': ['object', 'null'], 'properties': {'limits': {'type': ['object', 'null']}, 'reservations': {'type': ['object', 'null']}}}}}}}, 'swarm': {'description': "A Swarm stack: its services' specs and tasks, the nodes, secrets and configs by name.", 'type': 'object', 'additionalProperties': False, 'required': ['stack', 'manager', 'services', 'nodes', 'secrets', 'configs'], 'properties': {'stack': {'type': 'string'}, 'manager': {'type': 'string', 'description': "The manager's engine URL, without any password."}, 'services': {'type': 'object', 'description': 'Compose service name (the Swarm service without the `<stack>_` prefix) → its spec and tasks.', 'additionalProperties': {'type': 'object', 'additionalProperties': False, 'required': ['name', 'id', 'version', 'image', 'command', 'args', 'env', 'user', 'labels', 'container_labels', 'mode', 'replicas', 'resources', 'placement', 'ports', 'update_config', 'rollback_config', 'restart_policy', 'healthcheck', 'secrets', 'configs', 'update_status', 'running', 'desired', 'restarts', 'tasks'], 'properties': {'name': {'type': 'string'}, 'id': {'type': 'string'}, 'version': {'type': ['integer', 'null']}, 'image': {'type': ['string', 'null'], 'description': 'As the spec holds it: with @sha256 digest when Swarm resolved one.'}, 'command': {'type': ['array', 'null'], 'items': {'type': 'string'}, 'description': "ContainerSpec.Command (compose's entrypoint)."}, 'args': {'type': ['array', 'null'], 'items': {'type': 'string'}, 'description': "ContainerSpec.Args (compose's command)."}, 'env': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/string_map'}, 'user': {'type': ['string', 'null']}, 'labels': {'type': 'object', 'additionalProperties': {'type': 'string'}}, 'container_labels': {'type': 'object', 'additionalProperties': {'type': 'string'}}, 'mode': {'type': 'string'}, 'replicas': {'type': ['integer', 'null']}, 'resources': {'type': 'object'}, 'placement': {'type': 'object'}, 'ports': {'type': 'array', 'items': {'type': 'string'}}, 'update_config': {'type': ['object', 'null']}, 'rollback_config': {'type': ['object', 'null']}, 'restart_policy': {'type': ['object', 'null']}, 'healthcheck': {'type': ['object', 'null']}, 'secrets': {'type': 'array', 'items': {'type': 'string'}}, 'configs': {'type': 'array', 'items': {'type': 'string'}}, 'update_status': {'type': ['object', 'null'], 'description': "Swarm's UpdateStatus: state (updating, paused, completed, rollback_started, rollback_paused, rollback_completed) and message."}, 'running': {'type': 'integer', 'minimum': 0, 'description': 'Tasks running that should run.'}, 'desired': {'type': ['integer', 'null'], 'description': 'Replicas asked for (replicated), or nodes eligible (global).'}, 'restarts': {'type': 'integer', 'minimum': 0, 'description': "Tasks that failed or were rejected, in Swarm's retained task history."}, 'tasks': {'type': 'array', 'items': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/swarm_task'}}}}}, 'nodes': {'type': 'object', 'description': 'Hostname → node.', 'additionalProperties': {'type': 'object', 'additionalProperties': False, 'required': ['id', 'role', 'availability', 'state', 'addr', 'leader', 'engine_version', 'nano_cpus', 'memory_bytes', 'labels'], 'properties': {'id': {'type': 'string'}, 'role': {'type': ['string', 'null']}, 'availability': {'type': ['string', 'null']}, 'state': {'type': ['string', 'null']}, 'addr': {'type': ['string', 'null']}, 'leader': {'type': 'boolean'}, 'engine_version': {'type': ['string', 'null']}, 'nano_cpus': {'type': ['integer', 'null']}, 'memory_bytes': {'type': ['integer', 'null']}, 'labels': {'type': 'object', 'additionalProperties': {'type': 'string'}}}}}, 'secrets': {'type': 'object', 'description': "The stack's Swarm secrets by name and version; their data is never read.", 'additionalProperties': {'type': 'object', 'additionalProperties': False, 'required': ['id', 'version', 'created', 'updated'], 'properties': {'id': {'type': 'string'}, 'version': {'type': ['integer', 'null']}, 'created': {'type': ['string', 'null']}, 'updated': {'type': ['string', 'null']}}}}, 'configs': {'type': 'object', 'description': "The stack's Swarm configs by name and version; their data is never read.", 'additionalProperties': {'type': 'object', 'additionalProperties': False, 'required': ['id', 'version', 'created', 'updated'], 'properties': {'id': {'type': 'string'}, 'version': {'type': ['integer', 'null']}, 'created': {'type': ['string', 'null']}, 'updated': {'type': ['string', 'null']}}}}}}, 'swarm_service': {'type': 'object', 'additionalProperties': False, 'required': ['name', 'id', 'version', 'image', 'command', 'args', 'env', 'user', 'labels', 'container_labels', 'mode', 'replicas', 'resources', 'placement', 'ports', 'update_config', 'rollback_config', 'restart_policy', 'healthcheck', 'secrets', 'configs', 'update_status', 'running', 'desired', 'restarts', 'tasks'], 'properties': {'name': {'type': 'string'}, 'id': {'type': 'string'}, 'version': {'type': ['integer', 'null']}, 'image': {'type': ['string', 'null'], 'description': 'As the spec holds it: with @sha256 digest when Swarm resolved one.'}, 'command': {'type': ['array', 'null'], 'items': {'type': 'string'}, 'description': "ContainerSpec.Command (compose's entrypoint)."}, 'args': {'type': ['array', 'null'], 'items': {'type': 'string'}, 'description': "ContainerSpec.Args (compose's command)."}, 'env': {'type': 'object', 'additionalProperties': {'type': ['string', 'null']}}, 'user': {'type': ['string', 'null']}, 'labels': {'type': 'object', 'additionalProperties': {'type': 'string'}}, 'container_labels': {'type': 'object', 'additionalProperties': {'type': 'string'}}, 'mode': {'type': 'string'}, 'replicas': {'type': ['integer', 'null']}, 'resources': {'type': 'object'}, 'placement': {'type': 'object'}, 'ports': {'type': 'array', 'items': {'type': 'string'}}, 'update_config': {'type': ['object', 'null']}, 'rollback_config': {'type': ['object', 'null']}, 'restart_policy': {'type': ['object', 'null']}, 'healthcheck': {'type': ['object', 'null']}, 'secrets': {'type': 'array', 'items': {'type': 'string'}}, 'configs': {'type': 'array', 'items': {'type': 'string'}}, 'update_status': {'type': ['object', 'null'], 'description': "Swarm's UpdateStatus: state (updating, paused, completed, rollback_started, rollback_paused, rollback_completed) and message."}, 'running': {'type': 'integer', 'minimum': 0, 'description': 'Tasks running that should run.'}, 'desired': {'type': ['integer', 'null'], 'description': 'Replicas asked for (replicated), or nodes eligible (global).'}, 'restarts': {'type': 'integer', 'minimum': 0, 'description': "Tasks that failed or were rejected, in Swarm's retained task history."}, 'tasks': {'type': 'array', 'items': {'type': 'object', 'additionalProperties': False, 'required': ['id', 'slot', 'node', 'desired_state', 'state', 'error', 'message', 'exit_code', 'image', 'time'], 'properties': {'id': {'type': 'string'}, 'slot': {'type': ['integer', 'null']}, 'node': {'type': ['string', 'null']}, 'desired_state': {'type': 'string'}, 'state': {'type': 'string'}, 'error': {'type': ['string', 'null']}, 'message': {'type': ['string', 'null']}, 'exit_code': {'type': ['integer', 'null']}, 'image': {'type': ['string', 'null']}, 'time': {'type': ['string', 'null']}}}}}}, 'swarm_task': {'type': 'object', 'additionalProperties': False, 'required': ['id', 'slot', 'node', 'desired_state', 'state', 'error', 'message', 'exit_code', 'image', 'time'], 'properties': {'id': {'type': 'string'}, 'slot': {'type': ['integer', 'null']}, 'node': {'type': ['string', 'null']}, 'desired_state': {'type': 'string'}, 'state': {'type': 'string'}, 'error': {'type': ['string', 'null']}, 'message': {'type': ['string', 'null']}, 'exit_code': {'type': ['integer', 'null']}, 'image': {'type': ['string', 'null']}, 'time': {'type': ['string', 'null']}}}, 'swarm_node': {'type': 'object', 'additionalProperties': False, 'required': ['id', 'role', 'availability', 'state', 'addr', 'leader', 'engine_version', 'nano_cpus', 'memory_bytes', 'labels'], 'properties': {'id': {'type': 'string'}, 'role': {'type': ['string', 'null']}, 'availability': {'type': ['string', 'null']}, 'state': {'type': ['string', 'null']}, 'addr': {'type': ['string', 'null']}, 'leader': {'type': 'boolean'}, 'engine_version': {'type': ['string', 'null']}, 'nano_cpus': {'type': ['integer', 'null']}, 'memory_bytes': {'type': ['integer', 'null']}, 'labels': {'type': 'object', 'additionalProperties': {'type': 'string'}}}}, 'swarm_object': {'type': 'object', 'additionalProperties': False, 'required': ['id', 'version', 'created', 'updated'], 'properties': {'id': {'type': 'string'}, 'version': {'type': ['integer', 'null']}, 'created': {'type': ['string', 'null']}, 'updated': {'type': ['string', 'null']}}}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['schema', 'meta', 'git', 'compose', 'env_files', 'containers', 'stats', 'health', 'limits']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'https://json-schema.org/draft/2020-12/schema', '$id': 'https://envsync.dev/schemas/snapshot.json', 'title': 'envsync.snapshot/v1', 'description': 'What envsync captured of one environment at one moment (written by `envsync snapshot`, `backup`, `rollback`). Secret values are never stored: they appear as fingerprints (secret:hmac-sha256:…).', 'type': 'object', 'required': ['schema', 'meta', 'git', 'compose', 'env_files', 'containers', 'stats', 'health', 'limits'], 'additionalProperties': False, 'properties': {'schema': {'const': 'envsync.snapshot/v1'}, 'meta': {'type': 'object', 'required': ['environment', 'project', 'time', 'envsync_version', 'compose_version', 'engine', 'host', 'duration_s', 'errors'], 'additionalProperties': False, 'properties': {'environment': {'type': 'string', 'minLength': 1}, 'project': {'type': 'string'}, 'time': {'type': 'string', 'pattern': '^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$'}, 'envsync_version': {'type': 'string'}, 'compose_version': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}, 'engine': {'type': ['object', 'null'], 'required': ['url'], 'additionalProperties': False, 'properties': {'url': {'type': 'string'}, 'version': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}, 'api_version': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}}}, 'host': {'type': 'string'}, 'duration_s': {'type': ['number', 'null']}, 'errors': {'description': 'The parts that could not be captured, with the reason.', 'type': 'array', 'items': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/part_error'}}}}, 'git': {'type': 'object', 'required': ['path', 'head', 'dirty', 'untracked'], 'additionalProperties': False, 'properties': {'path': {'type': 'string'}, 'remote': {'type': 'string'}, 'url': {'type': 'string'}, 'branch': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}, 'head': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}, 'describe': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}, 'tags': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/string_list'}, 'subject': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}, 'upstream': {'type': ['object', 'null'], 'required': ['ref'], 'additionalProperties': False, 'properties': {'ref': {'type': 'string'}, 'ahead': {'type': ['integer', 'null']}, 'behind': {'type': ['integer', 'null']}}}, 'dirty': {'type': 'array', 'items': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/file_state'}}, 'untracked': {'type': 'array', 'items': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/file_state'}}}}, 'compose': {'type': ['object', 'null'], 'required': ['project', 'files', 'declared'], 'additionalProperties': False, 'properties': {'project': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}, 'files': {'type': 'array', 'items': {'type': 'object', 'required': ['path'], 'additionalProperties': False, 'properties': {'path': {'type': 'string'}, 'sha256': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}}}}, 'env_file': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}, 'declared': {'description': "`docker compose config --format json` of the working tree (compose's own model). Only the parts envsync reads are checked here; the rest is compose's.", '$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/compose_model'}, 'committed': {'description': 'The same for the committed HEAD; null when it could not be resolved.', '$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/compose_model_or_null'}, 'hashes': {'description': 'Service → `docker compose config --hash`.', '$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/hash_map'}, 'committed_hashes': {'type': ['object', 'null'], 'additionalProperties': {'type': 'string'}}, 'unversioned': {'description': 'Env files copied from the working tree to resolve HEAD (git does not hold them).', '$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/string_list'}}}, 'env_files': {'description': 'Env file (relative path) → key → value (a fingerprint for a secret; null for a key without a value).', 'type': 'object', 'additionalProperties': {'type': 'object', 'additionalProperties': {'type': ['string', 'null']}}}, 'containers': {'description': 'Result key (service, service#N for replica N, or container name) → container record; null when the engine could not list them or the environment has no runtime.', 'type': ['object', 'null'], 'additionalProperties': {'type': 'object', 'required': ['name', 'service', 'image', 'state'], 'additionalProperties': False, 'properties': {'name': {'type': 'string'}, 'service': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}, 'image': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}, 'image_id': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}, 'state': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}, 'health': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}, 'restart_count': {'type': 'integer'}, 'started_at': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}, 'command': {'description': "null when the image's default.", 'type': ['array', 'null'], 'items': {'type': 'string'}}, 'entrypoint': {'description': "null when the image's default.", 'type': ['array', 'null'], 'items': {'type': 'string'}}, 'env': {'description': "Without the image's own KEY=value pairs.", '$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/string_map'}, 'ports': {'description': 'HOST_IP:HOST_PORT->PORT/PROTO', '$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/string_list'}, 'mounts': {'type': 'array', 'items': {'type': 'object', 'required': ['type', 'source', 'target', 'read_only'], 'additionalProperties': False, 'properties': {'type': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}, 'source': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}, 'target': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}, 'read_only': {'type': 'boolean'}}}}, 'labels': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/string_map'}, 'restart_policy': {'type': 'string'}, 'memory_limit_mb': {'type': ['number', 'null']}, 'network_mode': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}, 'user': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}, 'healthcheck': {'type': ['object', 'null'], 'additionalProperties': False, 'properties': {'test': {'type': ['array', 'string', 'null'], 'items': {'type': 'string'}}, 'interval': {'type': 'string'}, 'timeout': {'type': 'string'}, 'start_period': {'type': 'string'}, 'retries': {'type': 'integer'}}}}}}, 'stats': {'description': 'Result key → stats of a running container; null when not read.', 'type': ['object', 'null'], 'additionalProperties': {'type': 'object', 'additionalProperties': False, 'properties': {'memory_used_mb': {'type': ['number', 'null']}, 'memory_limit_mb': {'type': ['number', 'null']}, 'cpu_percent': {'type': ['number', 'null']}, 'pids': {'type': ['integer', 'null']}}}}, 'health': {'description': 'Health check name → its result; null when the environment has no runtime.', 'type': ['object', 'null'], 'additionalProperties': {'type': 'object', 'required': ['status'], 'additionalProperties': False, 'properties': {'status': {'enum': ['ok', 'failed', 'error']}, 'http_status': {'type': ['integer', 'null']}, 'latency_ms': {'type': ['number', 'null']}, 'error': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}}}}, 'limits': {'type': 'object', 'required': ['memory_mb'], 'additionalProperties': False, 'properties': {'memory_mb': {'type': 'object', 'additionalProperties': {'type': 'number'}}}}, 'swarm': {'description': "A Swarm stack: its services' specs and tasks, the nodes, secrets and configs by name.", 'type': 'object', 'additionalProperties': False, 'required': ['stack', 'manager', 'services', 'nodes', 'secrets', 'configs'], 'properties': {'stack': {'type': 'string'}, 'manager': {'type': 'string', 'description': "The manager's engine URL, without any password."}, 'services': {'type': 'object', 'description': 'Compose service name (the Swarm service without the `<stack>_` prefix) → its spec and tasks.', 'additionalProperties': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/swarm_service'}}, 'nodes': {'type': 'object', 'description': 'Hostname → node.', 'additionalProperties': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/swarm_node'}}, 'secrets': {'type': 'object', 'description': "The stack's Swarm secrets by name and version; their data is never read.", 'additionalProperties': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/swarm_object'}}, 'configs': {'type': 'object', 'description': "The stack's Swarm configs by name and version; their data is never read.", 'additionalProperties': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/swarm_object'}}}}}, '$defs': {'nullable_string': {'type': ['string', 'null']}, 'string_list': {'type': 'array', 'items': {'type': 'string'}}, 'string_map': {'type': 'object', 'additionalProperties': {'type': ['string', 'null']}}, 'meta': {'type': 'object', 'required': ['environment', 'project', 'time', 'envsync_version', 'compose_version', 'engine', 'host', 'duration_s', 'errors'], 'additionalProperties': False, 'properties': {'environment': {'type': 'string', 'minLength': 1}, 'project': {'type': 'string'}, 'time': {'type': 'string', 'pattern': '^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$'}, 'envsync_version': {'type': 'string'}, 'compose_version': {'type': ['string', 'null']}, 'engine': {'type': ['object', 'null'], 'required': ['url'], 'additionalProperties': False, 'properties': {'url': {'type': 'string'}, 'version': {'type': ['string', 'null']}, 'api_version': {'type': ['string', 'null']}}}, 'host': {'type': 'string'}, 'duration_s': {'type': ['number', 'null']}, 'errors': {'description': 'The parts that could not be captured, with the reason.', 'type': 'array', 'items': {'type': 'object', 'required': ['part', 'reason'], 'additionalProperties': False, 'properties': {'part': {'type': 'string'}, 'reason': {'type': 'string'}}}}}}, 'part_error': {'type': 'object', 'required': ['part', 'reason'], 'additionalProperties': False, 'properties': {'part': {'type': 'string'}, 'reason': {'type': 'string'}}}, 'git': {'type': 'object', 'required': ['path', 'head', 'dirty', 'untracked'], 'additionalProperties': False, 'properties': {'path': {'type': 'string'}, 'remote': {'type': 'string'}, 'url': {'type': 'string'}, 'branch': {'type': ['string', 'null']}, 'head': {'type': ['string', 'null']}, 'describe': {'type': ['string', 'null']}, 'tags': {'type': 'array', 'items': {'type': 'string'}}, 'subject': {'type': ['string', 'null']}, 'upstream': {'type': ['object', 'null'], 'required': ['ref'], 'additionalProperties': False, 'properties': {'ref': {'type': 'string'}, 'ahead': {'type': ['integer', 'null']}, 'behind': {'type': ['integer', 'null']}}}, 'dirty': {'type': 'array', 'items': {'type': 'object', 'required': ['path', 'status'], 'additionalProperties': False, 'properties': {'path': {'type': 'string'}, 'status': {'type': 'string'}, 'sha256': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}}}}, 'untracked': {'type': 'array', 'items': {'type': 'object', 'required': ['path', 'status'], 'additionalProperties': False, 'properties': {'path': {'type': 'string'}, 'status': {'type': 'string'}, 'sha256': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}}}}}}, 'file_state': {'type': 'object', 'required': ['path', 'status'], 'additionalProperties': False, 'properties': {'path': {'type': 'string'}, 'status': {'type': 'string'}, 'sha256': {'type': ['string', 'null']}}}, 'compose': {'type': ['object', 'null'], 'required': ['project', 'files', 'declared'], 'additionalProperties': False, 'properties': {'project': {'type': ['string', 'null']}, 'files': {'type': 'array', 'items': {'type': 'object', 'required': ['path'], 'additionalProperties': False, 'properties': {'path': {'type': 'string'}, 'sha256': {'type': ['string', 'null']}}}}, 'env_file': {'type': ['string', 'null']}, 'declared': {'type': 'object', 'properties': {'name': {'type': 'string'}, 'services': {'type': 'object', 'additionalProperties': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/compose_service'}}, 'networks': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}, 'volumes': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}, 'secrets': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}, 'configs': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}}}, 'committed': {'type': ['object', 'null'], 'properties': {'name': {'type': 'string'}, 'services': {'type': 'object', 'additionalProperties': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/compose_service'}}, 'networks': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}, 'volumes': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}, 'secrets': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}, 'configs': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}}}, 'hashes': {'type': 'object', 'additionalProperties': {'type': 'string'}}, 'committed_hashes': {'type': ['object', 'null'], 'additionalProperties': {'type': 'string'}}, 'unversioned': {'type': 'array', 'items': {'type': 'string'}}}}, 'hash_map': {'type': 'object', 'additionalProperties': {'type': 'string'}}, 'container': {'type': 'object', 'required': ['name', 'service', 'image', 'state'], 'additionalProperties': False, 'properties': {'name': {'type': 'string'}, 'service': {'type': ['string', 'null']}, 'image': {'type': ['string', 'null']}, 'image_id': {'type': ['string', 'null']}, 'state': {'type': ['string', 'null']}, 'health': {'type': ['string', 'null']}, 'restart_count': {'type': 'integer'}, 'started_at': {'type': ['string', 'null']}, 'command': {'description': "null when the image's default.", 'type': ['array', 'null'], 'items': {'type': 'string'}}, 'entrypoint': {'description': "null when the image's default.", 'type': ['array', 'null'], 'items': {'type': 'string'}}, 'env': {'type': 'object', 'additionalProperties': {'type': ['string', 'null']}}, 'ports': {'type': 'array', 'items': {'type': 'string'}}, 'mounts': {'type': 'array', 'items': {'type': 'object', 'required': ['type', 'source', 'target', 'read_only'], 'additionalProperties': False, 'properties': {'type': {'type': ['string', 'null']}, 'source': {'type': ['string', 'null']}, 'target': {'type': ['string', 'null']}, 'read_only': {'type': 'boolean'}}}}, 'labels': {'type': 'object', 'additionalProperties': {'type': ['string', 'null']}}, 'restart_policy': {'type': 'string'}, 'memory_limit_mb': {'type': ['number', 'null']}, 'network_mode': {'type': ['string', 'null']}, 'user': {'type': ['string', 'null']}, 'healthcheck': {'type': ['object', 'null'], 'additionalProperties': False, 'properties': {'test': {'type': ['array', 'string', 'null'], 'items': {'type': 'string'}}, 'interval': {'type': 'string'}, 'timeout': {'type': 'string'}, 'start_period': {'type': 'string'}, 'retries': {'type': 'integer'}}}}}, 'stats': {'type': 'object', 'additionalProperties': False, 'properties': {'memory_used_mb': {'type': ['number', 'null']}, 'memory_limit_mb': {'type': ['number', 'null']}, 'cpu_percent': {'type': ['number', 'null']}, 'pids': {'type': ['integer', 'null']}}}, 'check_result': {'type': 'object', 'required': ['status'], 'additionalProperties': False, 'properties': {'status': {'enum': ['ok', 'failed', 'error']}, 'http_status': {'type': ['integer', 'null']}, 'latency_ms': {'type': ['number', 'null']}, 'error': {'type': ['string', 'null']}}}, 'compose_model': {'type': 'object', 'properties': {'name': {'type': 'string'}, 'services': {'type': 'object', 'additionalProperties': {'description': "One service of compose's resolved model: the fields envsync reads are typed, the rest is compose's.", 'type': 'object', 'properties': {'image': {'type': ['string', 'null']}, 'command': {'type': ['array', 'string', 'null']}, 'entrypoint': {'type': ['array', 'string', 'null']}, 'environment': {'type': ['object', 'null']}, 'env_file': {'type': ['array', 'string', 'object', 'null']}, 'ports': {'type': ['array', 'null']}, 'volumes': {'type': ['array', 'null']}, 'labels': {'type': ['object', 'null']}, 'networks': {'type': ['object', 'array', 'null']}, 'network_mode': {'type': ['string', 'null']}, 'healthcheck': {'type': ['object', 'null']}, 'build': {'type': ['object', 'string', 'null']}, 'deploy': {'type': ['object', 'null'], 'properties': {'resources': {'type': ['object', 'null'], 'properties': {'limits': {'type': ['object', 'null']}, 'reservations': {'type': ['object', 'null']}}}}}}}}, 'networks': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}, 'volumes': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}, 'secrets': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}, 'configs': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}}}, 'compose_model_or_null': {'type': ['object', 'null'], 'properties': {'name': {'type': 'string'}, 'services': {'type': 'object', 'additionalProperties': {'description': "One service of compose's resolved model: the fields envsync reads are typed, the rest is compose's.", 'type': 'object', 'properties': {'image': {'type': ['string', 'null']}, 'command': {'type': ['array', 'string', 'null']}, 'entrypoint': {'type': ['array', 'string', 'null']}, 'environment': {'type': ['object', 'null']}, 'env_file': {'type': ['array', 'string', 'object', 'null']}, 'ports': {'type': ['array', 'null']}, 'volumes': {'type': ['array', 'null']}, 'labels': {'type': ['object', 'null']}, 'networks': {'type': ['object', 'array', 'null']}, 'network_mode': {'type': ['string', 'null']}, 'healthcheck': {'type': ['object', 'null']}, 'build': {'type': ['object', 'string', 'null']}, 'deploy': {'type': ['object', 'null'], 'properties': {'resources': {'type': ['object', 'null'], 'properties': {'limits': {'type': ['object', 'null']}, 'reservations': {'type': ['object', 'null']}}}}}}}}, 'networks': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}, 'volumes': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}, 'secrets': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}, 'configs': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}}}, 'compose_service': {'description': "One service of compose's resolved model: the fields envsync reads are typed, the rest is compose's.", 'type': 'object', 'properties': {'image': {'type': ['string', 'null']}, 'command': {'type': ['array', 'string', 'null']}, 'entrypoint': {'type': ['array', 'string', 'null']}, 'environment': {'type': ['object', 'null']}, 'env_file': {'type': ['array', 'string', 'object', 'null']}, 'ports': {'type': ['array', 'null']}, 'volumes': {'type': ['array', 'null']}, 'labels': {'type': ['object', 'null']}, 'networks': {'type': ['object', 'array', 'null']}, 'network_mode': {'type': ['string', 'null']}, 'healthcheck': {'type': ['object', 'null']}, 'build': {'type': ['object', 'string', 'null']}, 'deploy': {'type': ['object', 'null'], 'properties': {'resources': {'type': ['object', 'null'], 'properties': {'limits': {'type': ['object', 'null']}, 'reservations': {'type': ['object', 'null']}}}}}}}, 'swarm': {'description': "A Swarm stack: its services' specs and tasks, the nodes, secrets and configs by name.", 'type': 'object', 'additionalProperties': False, 'required': ['stack', 'manager', 'services', 'nodes', 'secrets', 'configs'], 'properties': {'stack': {'type': 'string'}, 'manager': {'type': 'string', 'description': "The manager's engine URL, without any password."}, 'services': {'type': 'object', 'description': 'Compose service name (the Swarm service without the `<stack>_` prefix) → its spec and tasks.', 'additionalProperties': {'type': 'object', 'additionalProperties': False, 'required': ['name', 'id', 'version', 'image', 'command', 'args', 'env', 'user', 'labels', 'container_labels', 'mode', 'replicas', 'resources', 'placement', 'ports', 'update_config', 'rollback_config', 'restart_policy', 'healthcheck', 'secrets', 'configs', 'update_status', 'running', 'desired', 'restarts', 'tasks'], 'properties': {'name': {'type': 'string'}, 'id': {'type': 'string'}, 'version': {'type': ['integer', 'null']}, 'image': {'type': ['string', 'null'], 'description': 'As the spec holds it: with @sha256 digest when Swarm resolved one.'}, 'command': {'type': ['array', 'null'], 'items': {'type': 'string'}, 'description': "ContainerSpec.Command (compose's entrypoint)."}, 'args': {'type': ['array', 'null'], 'items': {'type': 'string'}, 'description': "ContainerSpec.Args (compose's command)."}, 'env': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/string_map'}, 'user': {'type': ['string', 'null']}, 'labels': {'type': 'object', 'additionalProperties': {'type': 'string'}}, 'container_labels': {'type': 'object', 'additionalProperties': {'type': 'string'}}, 'mode': {'type': 'string'}, 'replicas': {'type': ['integer', 'null']}, 'resources': {'type': 'object'}, 'placement': {'type': 'object'}, 'ports': {'type': 'array', 'items': {'type': 'string'}}, 'update_config': {'type': ['object', 'null']}, 'rollback_config': {'type': ['object', 'null']}, 'restart_policy': {'type': ['object', 'null']}, 'healthcheck': {'type': ['object', 'null']}, 'secrets': {'type': 'array', 'items': {'type': 'string'}}, 'configs': {'type': 'array', 'items': {'type': 'string'}}, 'update_status': {'type': ['object', 'null'], 'description': "Swarm's UpdateStatus: state (updating, paused, completed, rollback_started, rollback_paused, rollback_completed) and message."}, 'running': {'type': 'integer', 'minimum': 0, 'description': 'Tasks running that should run.'}, 'desired': {'type': ['integer', 'null'], 'description': 'Replicas asked for (replicated), or nodes eligible (global).'}, 'restarts': {'type': 'integer', 'minimum': 0, 'description': "Tasks that failed or were rejected, in Swarm's retained task history."}, 'tasks': {'type': 'array', 'items': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/swarm_task'}}}}}, 'nodes': {'type': 'object', 'description': 'Hostname → node.', 'additionalProperties': {'type': 'object', 'additionalProperties': False, 'required': ['id', 'role', 'availability', 'state', 'addr', 'leader', 'engine_version', 'nano_cpus', 'memory_bytes', 'labels'], 'properties': {'id': {'type': 'string'}, 'role': {'type': ['string', 'null']}, 'availability': {'type': ['string', 'null']}, 'state': {'type': ['string', 'null']}, 'addr': {'type': ['string', 'null']}, 'leader': {'type': 'boolean'}, 'engine_version': {'type': ['string', 'null']}, 'nano_cpus': {'type': ['integer', 'null']}, 'memory_bytes': {'type': ['integer', 'null']}, 'labels': {'type': 'object', 'additionalProperties': {'type': 'string'}}}}}, 'secrets': {'type': 'object', 'description': "The stack's Swarm secrets by name and version; their data is never read.", 'additionalProperties': {'type': 'object', 'additionalProperties': False, 'required': ['id', 'version', 'created', 'updated'], 'properties': {'id': {'type': 'string'}, 'version': {'type': ['integer', 'null']}, 'created': {'type': ['string', 'null']}, 'updated': {'type': ['string', 'null']}}}}, 'configs': {'type': 'object', 'description': "The stack's Swarm configs by name and version; their data is never read.", 'additionalProperties': {'type': 'object', 'additionalProperties': False, 'required': ['id', 'version', 'created', 'updated'], 'properties': {'id': {'type': 'string'}, 'version': {'type': ['integer', 'null']}, 'created': {'type': ['string', 'null']}, 'updated': {'type': ['string', 'null']}}}}}}, 'swarm_service': {'type': 'object', 'additionalProperties': False, 'required': ['name', 'id', 'version', 'image', 'command', 'args', 'env', 'user', 'labels', 'container_labels', 'mode', 'replicas', 'resources', 'placement', 'ports', 'update_config', 'rollback_config', 'restart_policy', 'healthcheck', 'secrets', 'configs', 'update_status', 'running', 'desired', 'restarts', 'tasks'], 'properties': {'name': {'type': 'string'}, 'id': {'type': 'string'}, 'version': {'type': ['integer', 'null']}, 'image': {'type': ['string', 'null'], 'description': 'As the spec holds it: with @sha256 digest when Swarm resolved one.'}, 'command': {'type': ['array', 'null'], 'items': {'type': 'string'}, 'description': "ContainerSpec.Command (compose's entrypoint)."}, 'args': {'type': ['array', 'null'], 'items': {'type': 'string'}, 'description': "ContainerSpec.Args (compose's command)."}, 'env': {'type': 'object', 'additionalProperties': {'type': ['string', 'null']}}, 'user': {'type': ['string', 'null']}, 'labels': {'type': 'object', 'additionalProperties': {'type': 'string'}}, 'container_labels': {'type': 'object', 'additionalProperties': {'type': 'string'}}, 'mode': {'type': 'string'}, 'replicas': {'type': ['integer', 'null']}, 'resources': {'type': 'object'}, 'placement': {'type': 'object'}, 'ports': {'type': 'array', 'items': {'type': 'string'}}, 'update_config': {'type': ['object', 'null']}, 'rollback_config': {'type': ['object', 'null']}, 'restart_policy': {'type': ['object', 'null']}, 'healthcheck': {'type': ['object', 'null']}, 'secrets': {'type': 'array', 'items': {'type': 'string'}}, 'configs': {'type': 'array', 'items': {'type': 'string'}}, 'update_status': {'type': ['object', 'null'], 'description': "Swarm's UpdateStatus: state (updating, paused, completed, rollback_started, rollback_paused, rollback_completed) and message."}, 'running': {'type': 'integer', 'minimum': 0, 'description': 'Tasks running that should run.'}, 'desired': {'type': ['integer', 'null'], 'description': 'Replicas asked for (replicated), or nodes eligible (global).'}, 'restarts': {'type': 'integer', 'minimum': 0, 'description': "Tasks that failed or were rejected, in Swarm's retained task history."}, 'tasks': {'type': 'array', 'items': {'type': 'object', 'additionalProperties': False, 'required': ['id', 'slot', 'node', 'desired_state', 'state', 'error', 'message', 'exit_code', 'image', 'time'], 'properties': {'id': {'type': 'string'}, 'slot': {'type': ['integer', 'null']}, 'node': {'type': ['string', 'null']}, 'desired_state': {'type': 'string'}, 'state': {'type': 'string'}, 'error': {'type': ['string', 'null']}, 'message': {'type': ['string', 'null']}, 'exit_code': {'type': ['integer', 'null']}, 'image': {'type': ['string', 'null']}, 'time': {'type': ['string', 'null']}}}}}}, 'swarm_task': {'type': 'object', 'additionalProperties': False, 'required': ['id', 'slot', 'node', 'desired_state', 'state', 'error', 'message', 'exit_code', 'image', 'time'], 'properties': {'id': {'type': 'string'}, 'slot': {'type': ['integer', 'null']}, 'node': {'type': ['string', 'null']}, 'desired_state': {'type': 'string'}, 'state': {'type': 'string'}, 'error': {'type': ['string', 'null']}, 'message': {'type': ['string', 'null']}, 'exit_code': {'type': ['integer', 'null']}, 'image': {'type': ['string', 'null']}, 'time': {'type': ['string', 'null']}}}, 'swarm_node': {'type': 'object', 'additionalProperties': False, 'required': ['id', 'role', 'availability', 'state', 'addr', 'leader', 'engine_version', 'nano_cpus', 'memory_bytes', 'labels'], 'properties': {'id': {'type': 'string'}, 'role': {'type': ['string', 'null']}, 'availability': {'type': ['string', 'null']}, 'state': {'type': ['string', 'null']}, 'addr': {'type': ['string', 'null']}, 'leader': {'type': 'boolean'}, 'engine_version': {'type': ['string', 'null']}, 'nano_cpus': {'type': ['integer', 'null']}, 'memory_bytes': {'type': ['integer', 'null']}, 'labels': {'type': 'object', 'additionalProperties': {'type': 'string'}}}}, 'swarm_object': {'type': 'object', 'additionalProperties': False, 'required': ['id', 'version', 'created', 'updated'], 'properties': {'id': {'type': 'string'}, 'version': {'type': ['integer', 'null']}, 'created': {'type': ['string', 'null']}, 'updated': {'type': ['string', 'null']}}}}}, rule='required')
        data_keys = set(data.keys())
        if "schema" in data_keys:
            data_keys.remove("schema")
            data__schema = data["schema"]
            if not (isinstance(data__schema, str) and data__schema == 'envsync.snapshot/v1'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".schema must be same as const definition: envsync.snapshot/v1", value=data__schema, name="" + (name_prefix or "data") + ".schema", definition={'const': 'envsync.snapshot/v1'}, rule='const')
        if "meta" in data_keys:
            data_keys.remove("meta")
            data__meta = data["meta"]
            validate_https___envsync_dev_schemas_snapshot_json___defs_meta(data__meta, custom_formats, (name_prefix or "data") + ".meta")
        if "git" in data_keys:
            data_keys.remove("git")
            data__git = data["git"]
            validate_https___envsync_dev_schemas_snapshot_json___defs_git(data__git, custom_formats, (name_prefix or "data") + ".git")
        if "compose" in data_keys:
            data_keys.remove("compose")
            data__compose = data["compose"]
            validate_https___envsync_dev_schemas_snapshot_json___defs_compose(data__compose, custom_formats, (name_prefix or "data") + ".compose")
        if "env_files" in data_keys:
            data_keys.remove("env_files")
            data__envfiles = data["env_files"]
            if not isinstance(data__envfiles, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".env_files must be object", value=data__envfiles, name="" + (name_prefix or "data") + ".env_files", definition={'description': 'Env file (relative path) → key → value (a fingerprint for a secret; null for a key without a value).', 'type': 'object', 'additionalProperties': {'type': 'object', 'additionalProperties': {'type': ['string', 'null']}}}, rule='type')
            data__envfiles_is_dict = isinstance(data__envfiles, dict)
            if data__envfiles_is_dict:
                data__envfiles_keys = set(data__envfiles.keys())
                for data__envfiles_key in data__envfiles_keys:
                    if data__envfiles_key not in []:
                        data__envfiles_value = data__envfiles.get(data__envfiles_key)
                        validate_https___envsync_dev_schemas_snapshot_json___defs_string_map(data__envfiles_value, custom_formats, (name_prefix or "data") + ".env_files.{data__envfiles_key}".format(**locals()))
        if "containers" in data_keys:
            data_keys.remove("containers")
            data__containers = data["containers"]
            if not isinstance(data__containers, (dict, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".containers must be object or null", value=data__containers, name="" + (name_prefix or "data") + ".containers", definition={'description': 'Result key (service, service#N for replica N, or container name) → container record; null when the engine could not list them or the environment has no runtime.', 'type': ['object', 'null'], 'additionalProperties': {'type': 'object', 'required': ['name', 'service', 'image', 'state'], 'additionalProperties': False, 'properties': {'name': {'type': 'string'}, 'service': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}, 'image': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}, 'image_id': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}, 'state': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}, 'health': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}, 'restart_count': {'type': 'integer'}, 'started_at': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}, 'command': {'description': "null when the image's default.", 'type': ['array', 'null'], 'items': {'type': 'string'}}, 'entrypoint': {'description': "null when the image's default.", 'type': ['array', 'null'], 'items': {'type': 'string'}}, 'env': {'description': "Without the image's own KEY=value pairs.", '$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/string_map'}, 'ports': {'description': 'HOST_IP:HOST_PORT->PORT/PROTO', '$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/string_list'}, 'mounts': {'type': 'array', 'items': {'type': 'object', 'required': ['type', 'source', 'target', 'read_only'], 'additionalProperties': False, 'properties': {'type': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}, 'source': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}, 'target': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}, 'read_only': {'type': 'boolean'}}}}, 'labels': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/string_map'}, 'restart_policy': {'type': 'string'}, 'memory_limit_mb': {'type': ['number', 'null']}, 'network_mode': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}, 'user': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}, 'healthcheck': {'type': ['object', 'null'], 'additionalProperties': False, 'properties': {'test': {'type': ['array', 'string', 'null'], 'items': {'type': 'string'}}, 'interval': {'type': 'string'}, 'timeout': {'type': 'string'}, 'start_period': {'type': 'string'}, 'retries': {'type': 'integer'}}}}}}, rule='type')
            data__containers_is_dict = isinstance(data__containers, dict)
            if data__containers_is_dict:
                data__containers_keys = set(data__containers.keys())
                for data__containers_key in data__containers_keys:
                    if data__containers_key not in []:
                        data__containers_value = data__containers.get(data__containers_key)
                        validate_https___envsync_dev_schemas_snapshot_json___defs_container(data__containers_value, custom_formats, (name_prefix or "data") + ".containers.{data__containers_key}".format(**locals()))
        if "stats" in data_keys:
            data_keys.remove("stats")
            data__stats = data["stats"]
            if not isinstance(data__stats, (dict, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".stats must be object or null", value=data__stats, name="" + (name_prefix or "data") + ".stats", definition={'description': 'Result key → stats of a running container; null when not read.', 'type': ['object', 'null'], 'additionalProperties': {'type': 'object', 'additionalProperties': False, 'properties': {'memory_used_mb': {'type': ['number', 'null']}, 'memory_limit_mb': {'type': ['number', 'null']}, 'cpu_percent': {'type': ['number', 'null']}, 'pids': {'type': ['integer', 'null']}}}}, rule='type')
            data__stats_is_dict = isinstance(data__stats, dict)
            if data__stats_is_dict:
                data__stats_keys = set(data__stats.keys())
                for data__stats_key in data__stats_keys:
                    if data__stats_key not in []:
                        data__stats_value = data__stats.get(data__stats_key)
                        validate_https___envsync_dev_schemas_snapshot_json___defs_stats(data__stats_value, custom_formats, (name_prefix or "data") + ".stats.{data__stats_key}".format(**locals()))
        if "health" in data_keys:
            data_keys.remove("health")
            data__health = data["health"]
            if not isinstance(data__health, (dict, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".health must be object or null", value=data__health, name="" + (name_prefix or "data") + ".health", definition={'description': 'Health check name → its result; null when the environment has no runtime.', 'type': ['object', 'null'], 'additionalProperties': {'type': 'object', 'required': ['status'], 'additionalProperties': False, 'properties': {'status': {'enum': ['ok', 'failed', 'error']}, 'http_status': {'type': ['integer', 'null']}, 'latency_ms': {'type': ['number', 'null']}, 'error': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}}}}, rule='type')
            data__health_is_dict = isinstance(data__health, dict)
            if data__health_is_dict:
                data__health_keys = set(data__health.keys())
                for data__health_key in data__health_keys:
                    if data__health_key not in []:
                        data__health_value = data__health.get(data__health_key)
                        validate_https___envsync_dev_schemas_snapshot_json___defs_check_result(data__health_value, custom_formats, (name_prefix or "data") + ".health.{data__health_key}".format(**locals()))
        if "limits" in data_keys:
            data_keys.remove("limits")
            data__limits = data["limits"]
            if not isinstance(data__limits, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".limits must be object", value=data__limits, name="" + (name_prefix or "data") + ".limits", definition={'type': 'object', 'required': ['memory_mb'], 'additionalProperties': False, 'properties': {'memory_mb': {'type': 'object', 'additionalProperties': {'type': 'number'}}}}, rule='type')
            data__limits_is_dict = isinstance(data__limits, dict)
            if data__limits_is_dict:
                data__limits__missing_keys = set(['memory_mb']) - data__limits.keys()
                if data__limits__missing_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".limits must contain " + (str(sorted(data__limits__missing_keys)) + " properties"), value=data__limits, name="" + (name_prefix or "data") + ".limits", definition={'type': 'object', 'required': ['memory_mb'], 'additionalProperties': False, 'properties': {'memory_mb': {'type': 'object', 'additionalProperties': {'type': 'number'}}}}, rule='required')
                data__limits_keys = set(data__limits.keys())
                if "memory_mb" in data__limits_keys:
                    data__limits_keys.remove("memory_mb")
                    data__limits__memorymb = data__limits["memory_mb"]
                    if not isinstance(data__limits__memorymb, (dict)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".limits.memory_mb must be object", value=data__limits__memorymb, name="" + (name_prefix or "data") + ".limits.memory_mb", definition={'type': 'object', 'additionalProperties': {'type': 'number'}}, rule='type')
                    data__limits__memorymb_is_dict = isinstance(data__limits__memorymb, dict)
                    if data__limits__memorymb_is_dict:
                        data__limits__memorymb_keys = set(data__limits__memorymb.keys())
                        for data__limits__memorymb_key in data__limits__memorymb_keys:
                            if data__limits__memorymb_key not in []:
                                data__limits__memorymb_value = data__limits__memorymb.get(data__limits__memorymb_key)
                                if not isinstance(data__limits__memorymb_value, (int, float, Decimal)) or isinstance(data__limits__memorymb_value, bool):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".limits.memory_mb.{data__limits__memorymb_key}".format(**locals()) + " must be number", value=data__limits__memorymb_value, name="" + (name_prefix or "data") + ".limits.memory_mb.{data__limits__memorymb_key}".format(**locals()) + "", definition={'type': 'number'}, rule='type')
                if data__limits_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".limits must not contain "+str(data__limits_keys)+" properties", value=data__limits, name="" + (name_prefix or "data") + ".limits", definition={'type': 'object', 'required': ['memory_mb'], 'additionalProperties': False, 'properties': {'memory_mb': {'type': 'object', 'additionalProperties': {'type': 'number'}}}}, rule='additionalProperties')
        if "swarm" in data_keys:
            data_keys.remove("swarm")
            data__swarm = data["swarm"]
            validate_https___envsync_dev_schemas_snapshot_json___defs_swarm(data__swarm, custom_formats, (name_prefix or "data") + ".swarm")
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'https://json-schema.org/draft/2020-12/schema', '$id': 'https://envsync.dev/schemas/snapshot.json', 'title': 'envsync.snapshot/v1', 'description': 'What envsync captured of one environment at one moment (written by `envsync snapshot`, `backup`, `rollback`). Secret values are never stored: they appear as fingerprints (secret:hmac-sha256:…).', 'type': 'object', 'required': ['schema', 'meta', 'git', 'compose', 'env_files', 'containers', 'stats', 'health', 'limits'], 'additionalProperties': False, 'properties': {'schema': {'const': 'envsync.snapshot/v1'}, 'meta': {'type': 'object', 'required': ['environment', 'project', 'time', 'envsync_version', 'compose_version', 'engine', 'host', 'duration_s', 'errors'], 'additionalProperties': False, 'properties': {'environment': {'type': 'string', 'minLength': 1}, 'project': {'type': 'string'}, 'time': {'type': 'string', 'pattern': '^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$'}, 'envsync_version': {'type': 'string'}, 'compose_version': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}, 'engine': {'type': ['object', 'null'], 'required': ['url'], 'additionalProperties': False, 'properties': {'url': {'type': 'string'}, 'version': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}, 'api_version': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}}}, 'host': {'type': 'string'}, 'duration_s': {'type': ['number', 'null']}, 'errors': {'description': 'The parts that could not be captured, with the reason.', 'type': 'array', 'items': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/part_error'}}}}, 'git': {'type': 'object', 'required': ['path', 'head', 'dirty', 'untracked'], 'additionalProperties': False, 'properties': {'path': {'type': 'string'}, 'remote': {'type': 'string'}, 'url': {'type': 'string'}, 'branch': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}, 'head': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}, 'describe': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}, 'tags': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/string_list'}, 'subject': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}, 'upstream': {'type': ['object', 'null'], 'required': ['ref'], 'additionalProperties': False, 'properties': {'ref': {'type': 'string'}, 'ahead': {'type': ['integer', 'null']}, 'behind': {'type': ['integer', 'null']}}}, 'dirty': {'type': 'array', 'items': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/file_state'}}, 'untracked': {'type': 'array', 'items': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/file_state'}}}}, 'compose': {'type': ['object', 'null'], 'required': ['project', 'files', 'declared'], 'additionalProperties': False, 'properties': {'project': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}, 'files': {'type': 'array', 'items': {'type': 'object', 'required': ['path'], 'additionalProperties': False, 'properties': {'path': {'type': 'string'}, 'sha256': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}}}}, 'env_file': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}, 'declared': {'description': "`docker compose config --format json` of the working tree (compose's own model). Only the parts envsync reads are checked here; the rest is compose's.", '$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/compose_model'}, 'committed': {'description': 'The same for the committed HEAD; null when it could not be resolved.', '$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/compose_model_or_null'}, 'hashes': {'description': 'Service → `docker compose config --hash`.', '$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/hash_map'}, 'committed_hashes': {'type': ['object', 'null'], 'additionalProperties': {'type': 'string'}}, 'unversioned': {'description': 'Env files copied from the working tree to resolve HEAD (git does not hold them).', '$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/string_list'}}}, 'env_files': {'description': 'Env file (relative path) → key → value (a fingerprint for a secret; null for a key without a value).', 'type': 'object', 'additionalProperties': {'type': 'object', 'additionalProperties': {'type': ['string', 'null']}}}, 'containers': {'description': 'Result key (service, service#N for replica N, or container name) → container record; null when the engine could not list them or the environment has no runtime.', 'type': ['object', 'null'], 'additionalProperties': {'type': 'object', 'required': ['name', 'service', 'image', 'state'], 'additionalProperties': False, 'properties': {'name': {'type': 'string'}, 'service': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}, 'image': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}, 'image_id': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}, 'state': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}, 'health': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}, 'restart_count': {'type': 'integer'}, 'started_at': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}, 'command': {'description': "null when the image's default.", 'type': ['array', 'null'], 'items': {'type': 'string'}}, 'entrypoint': {'description': "null when the image's default.", 'type': ['array', 'null'], 'items': {'type': 'string'}}, 'env': {'description': "Without the image's own KEY=value pairs.", '$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/string_map'}, 'ports': {'description': 'HOST_IP:HOST_PORT->PORT/PROTO', '$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/string_list'}, 'mounts': {'type': 'array', 'items': {'type': 'object', 'required': ['type', 'source', 'target', 'read_only'], 'additionalProperties': False, 'properties': {'type': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}, 'source': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}, 'target': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}, 'read_only': {'type': 'boolean'}}}}, 'labels': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/string_map'}, 'restart_policy': {'type': 'string'}, 'memory_limit_mb': {'type': ['number', 'null']}, 'network_mode': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}, 'user': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}, 'healthcheck': {'type': ['object', 'null'], 'additionalProperties': False, 'properties': {'test': {'type': ['array', 'string', 'null'], 'items': {'type': 'string'}}, 'interval': {'type': 'string'}, 'timeout': {'type': 'string'}, 'start_period': {'type': 'string'}, 'retries': {'type': 'integer'}}}}}}, 'stats': {'description': 'Result key → stats of a running container; null when not read.', 'type': ['object', 'null'], 'additionalProperties': {'type': 'object', 'additionalProperties': False, 'properties': {'memory_used_mb': {'type': ['number', 'null']}, 'memory_limit_mb': {'type': ['number', 'null']}, 'cpu_percent': {'type': ['number', 'null']}, 'pids': {'type': ['integer', 'null']}}}}, 'health': {'description': 'Health check name → its result; null when the environment has no runtime.', 'type': ['object', 'null'], 'additionalProperties': {'type': 'object', 'required': ['status'], 'additionalProperties': False, 'properties': {'status': {'enum': ['ok', 'failed', 'error']}, 'http_status': {'type': ['integer', 'null']}, 'latency_ms': {'type': ['number', 'null']}, 'error': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}}}}, 'limits': {'type': 'object', 'required': ['memory_mb'], 'additionalProperties': False, 'properties': {'memory_mb': {'type': 'object', 'additionalProperties': {'type': 'number'}}}}, 'swarm': {'description': "A Swarm stack: its services' specs and tasks, the nodes, secrets and configs by name.", 'type': 'object', 'additionalProperties': False, 'required': ['stack', 'manager', 'services', 'nodes', 'secrets', 'configs'], 'properties': {'stack': {'type': 'string'}, 'manager': {'type': 'string', 'description': "The manager's engine URL, without any password."}, 'services': {'type': 'object', 'description': 'Compose service name (the Swarm service without the `<stack>_` prefix) → its spec and tasks.', 'additionalProperties': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/swarm_service'}}, 'nodes': {'type': 'object', 'description': 'Hostname → node.', 'additionalProperties': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/swarm_node'}}, 'secrets': {'type': 'object', 'description': "The stack's Swarm secrets by name and version; their data is never read.", 'additionalProperties': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/swarm_object'}}, 'configs': {'type': 'object', 'description': "The stack's Swarm configs by name and version; their data is never read.", 'additionalProperties': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/swarm_object'}}}}}, '$defs': {'nullable_string': {'type': ['string', 'null']}, 'string_list': {'type': 'array', 'items': {'type': 'string'}}, 'string_map': {'type': 'object', 'additionalProperties': {'type': ['string', 'null']}}, 'meta': {'type': 'object', 'required': ['environment', 'project', 'time', 'envsync_version', 'compose_version', 'engine', 'host', 'duration_s', 'errors'], 'additionalProperties': False, 'properties': {'environment': {'type': 'string', 'minLength': 1}, 'project': {'type': 'string'}, 'time': {'type': 'string', 'pattern': '^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$'}, 'envsync_version': {'type': 'string'}, 'compose_version': {'type': ['string', 'null']}, 'engine': {'type': ['object', 'null'], 'required': ['url'], 'additionalProperties': False, 'properties': {'url': {'type': 'string'}, 'version': {'type': ['string', 'null']}, 'api_version': {'type': ['string', 'null']}}}, 'host': {'type': 'string'}, 'duration_s': {'type': ['number', 'null']}, 'errors': {'description': 'The parts that could not be captured, with the reason.', 'type': 'array', 'items': {'type': 'object', 'required': ['part', 'reason'], 'additionalProperties': False, 'properties': {'part': {'type': 'string'}, 'reason': {'type': 'string'}}}}}}, 'part_error': {'type': 'object', 'required': ['part', 'reason'], 'additionalProperties': False, 'properties': {'part': {'type': 'string'}, 'reason': {'type': 'string'}}}, 'git': {'type': 'object', 'required': ['path', 'head', 'dirty', 'untracked'], 'additionalProperties': False, 'properties': {'path': {'type': 'string'}, 'remote': {'type': 'string'}, 'url': {'type': 'string'}, 'branch': {'type': ['string', 'null']}, 'head': {'type': ['string', 'null']}, 'describe': {'type': ['string', 'null']}, 'tags': {'type': 'array', 'items': {'type': 'string'}}, 'subject': {'type': ['string', 'null']}, 'upstream': {'type': ['object', 'null'], 'required': ['ref'], 'additionalProperties': False, 'properties': {'ref': {'type': 'string'}, 'ahead': {'type': ['integer', 'null']}, 'behind': {'type': ['integer', 'null']}}}, 'dirty': {'type': 'array', 'items': {'type': 'object', 'required': ['path', 'status'], 'additionalProperties': False, 'properties': {'path': {'type': 'string'}, 'status': {'type': 'string'}, 'sha256': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}}}}, 'untracked': {'type': 'array', 'items': {'type': 'object', 'required': ['path', 'status'], 'additionalProperties': False, 'properties': {'path': {'type': 'string'}, 'status': {'type': 'string'}, 'sha256': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}}}}}}, 'file_state': {'type': 'object', 'required': ['path', 'status'], 'additionalProperties': False, 'properties': {'path': {'type': 'string'}, 'status': {'type': 'string'}, 'sha256': {'type': ['string', 'null']}}}, 'compose': {'type': ['object', 'null'], 'required': ['project', 'files', 'declared'], 'additionalProperties': False, 'properties': {'project': {'type': ['string', 'null']}, 'files': {'type': 'array', 'items': {'type': 'object', 'required': ['path'], 'additionalProperties': False, 'properties': {'path': {'type': 'string'}, 'sha256': {'type': ['string', 'null']}}}}, 'env_file': {'type': ['string', 'null']}, 'declared': {'type': 'object', 'properties': {'name': {'type': 'string'}, 'services': {'type': 'object', 'additionalProperties': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/compose_service'}}, 'networks': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}, 'volumes': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}, 'secrets': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}, 'configs': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}}}, 'committed': {'type': ['object', 'null'], 'properties': {'name': {'type': 'string'}, 'services': {'type': 'object', 'additionalProperties': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/compose_service'}}, 'networks': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}, 'volumes': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}, 'secrets': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}, 'configs': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}}}, 'hashes': {'type': 'object', 'additionalProperties': {'type': 'string'}}, 'committed_hashes': {'type': ['object', 'null'], 'additionalProperties': {'type': 'string'}}, 'unversioned': {'type': 'array', 'items': {'type': 'string'}}}}, 'hash_map': {'type': 'object', 'additionalProperties': {'type': 'string'}}, 'container': {'type': 'object', 'required': ['name', 'service', 'image', 'state'], 'additionalProperties': False, 'properties': {'name': {'type': 'string'}, 'service': {'type': ['string', 'null']}, 'image': {'type': ['string', 'null']}, 'image_id': {'type': ['string', 'null']}, 'state': {'type': ['string', 'null']}, 'health': {'type': ['string', 'null']}, 'restart_count': {'type': 'integer'}, 'started_at': {'type': ['string', 'null']}, 'command': {'description': "null when the image's default.", 'type': ['array', 'null'], 'items': {'type': 'string'}}, 'entrypoint': {'description': "null when the image's default.", 'type': ['array', 'null'], 'items': {'type': 'string'}}, 'env': {'type': 'object', 'additionalProperties': {'type': ['string', 'null']}}, 'ports': {'type': 'array', 'items': {'type': 'string'}}, 'mounts': {'type': 'array', 'items': {'type': 'object', 'required': ['type', 'source', 'target', 'read_only'], 'additionalProperties': False, 'properties': {'type': {'type': ['string', 'null']}, 'source': {'type': ['string', 'null']}, 'target': {'type': ['string', 'null']}, 'read_only': {'type': 'boolean'}}}}, 'labels': {'type': 'object', 'additionalProperties': {'type': ['string', 'null']}}, 'restart_policy': {'type': 'string'}, 'memory_limit_mb': {'type': ['number', 'null']}, 'network_mode': {'type': ['string', 'null']}, 'user': {'type': ['string', 'null']}, 'healthcheck': {'type': ['object', 'null'], 'additionalProperties': False, 'properties': {'test': {'type': ['array', 'string', 'null'], 'items': {'type': 'string'}}, 'interval': {'type': 'string'}, 'timeout': {'type': 'string'}, 'start_period': {'type': 'string'}, 'retries': {'type': 'integer'}}}}}, 'stats': {'type': 'object', 'additionalProperties': False, 'properties': {'memory_used_mb': {'type': ['number', 'null']}, 'memory_limit_mb': {'type': ['number', 'null']}, 'cpu_percent': {'type': ['number', 'null']}, 'pids': {'type': ['integer', 'null']}}}, 'check_result': {'type': 'object', 'required': ['status'], 'additionalProperties': False, 'properties': {'status': {'enum': ['ok', 'failed', 'error']}, 'http_status': {'type': ['integer', 'null']}, 'latency_ms': {'type': ['number', 'null']}, 'error': {'type': ['string', 'null']}}}, 'compose_model': {'type': 'object', 'properties': {'name': {'type': 'string'}, 'services': {'type': 'object', 'additionalProperties': {'description': "One service of compose's resolved model: the fields envsync reads are typed, the rest is compose's.", 'type': 'object', 'properties': {'image': {'type': ['string', 'null']}, 'command': {'type': ['array', 'string', 'null']}, 'entrypoint': {'type': ['array', 'string', 'null']}, 'environment': {'type': ['object', 'null']}, 'env_file': {'type': ['array', 'string', 'object', 'null']}, 'ports': {'type': ['array', 'null']}, 'volumes': {'type': ['array', 'null']}, 'labels': {'type': ['object', 'null']}, 'networks': {'type': ['object', 'array', 'null']}, 'network_mode': {'type': ['string', 'null']}, 'healthcheck': {'type': ['object', 'null']}, 'build': {'type': ['object', 'string', 'null']}, 'deploy': {'type': ['object', 'null'], 'properties': {'resources': {'type': ['object', 'null'], 'properties': {'limits': {'type': ['object', 'null']}, 'reservations': {'type': ['object', 'null']}}}}}}}}, 'networks': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}, 'volumes': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}, 'secrets': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}, 'configs': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}}}, 'compose_model_or_null': {'type': ['object', 'null'], 'properties': {'name': {'type': 'string'}, 'services': {'type': 'object', 'additionalProperties': {'description': "One service of compose's resolved model: the fields envsync reads are typed, the rest is compose's.", 'type': 'object', 'properties': {'image': {'type': ['string', 'null']}, 'command': {'type': ['array', 'string', 'null']}, 'entrypoint': {'type': ['array', 'string', 'null']}, 'environment': {'type': ['object', 'null']}, 'env_file': {'type': ['array', 'string', 'object', 'null']}, 'ports': {'type': ['array', 'null']}, 'volumes': {'type': ['array', 'null']}, 'labels': {'type': ['object', 'null']}, 'networks': {'type': ['object', 'array', 'null']}, 'network_mode': {'type': ['string', 'null']}, 'healthcheck': {'type': ['object', 'null']}, 'build': {'type': ['object', 'string', 'null']}, 'deploy': {'type': ['object', 'null'], 'properties': {'resources': {'type': ['object', 'null'], 'properties': {'limits': {'type': ['object', 'null']}, 'reservations': {'type': ['object', 'null']}}}}}}}}, 'networks': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}, 'volumes': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}, 'secrets': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}, 'configs': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}}}, 'compose_service': {'description': "One service of compose's resolved model: the fields envsync reads are typed, the rest is compose's.", 'type': 'object', 'properties': {'image': {'type': ['string', 'null']}, 'command': {'type': ['array', 'string', 'null']}, 'entrypoint': {'type': ['array', 'string', 'null']}, 'environment': {'type': ['object', 'null']}, 'env_file': {'type': ['array', 'string', 'object', 'null']}, 'ports': {'type': ['array', 'null']}, 'volumes': {'type': ['array', 'null']}, 'labels': {'type': ['object', 'null']}, 'networks': {'type': ['object', 'array', 'null']}, 'network_mode': {'type': ['string', 'null']}, 'healthcheck': {'type': ['object', 'null']}, 'build': {'type': ['object', 'string', 'null']}, 'deploy': {'type': ['object', 'null'], 'properties': {'resources': {'type': ['object', 'null'], 'properties': {'limits': {'type': ['object', 'null']}, 'reservations': {'type': ['object', 'null']}}}}}}}, 'swarm': {'description': "A Swarm stack: its services' specs and tasks, the nodes, secrets and configs by name.", 'type': 'object', 'additionalProperties': False, 'required': ['stack', 'manager', 'services', 'nodes', 'secrets', 'configs'], 'properties': {'stack': {'type': 'string'}, 'manager': {'type': 'string', 'description': "The manager's engine URL, without any password."}, 'services': {'type': 'object', 'description': 'Compose service name (the Swarm service without the `<stack>_` prefix) → its spec and tasks.', 'additionalProperties': {'type': 'object', 'additionalProperties': False, 'required': ['name', 'id', 'version', 'image', 'command', 'args', 'env', 'user', 'labels', 'container_labels', 'mode', 'replicas', 'resources', 'placement', 'ports', 'update_config', 'rollback_config', 'restart_policy', 'healthcheck', 'secrets', 'configs', 'update_status', 'running', 'desired', 'restarts', 'tasks'], 'properties': {'name': {'type': 'string'}, 'id': {'type': 'string'}, 'version': {'type': ['integer', 'null']}, 'image': {'type': ['string', 'null'], 'description': 'As the spec holds it: with @sha256 digest when Swarm resolved one.'}, 'command': {'type': ['array', 'null'], 'items': {'type': 'string'}, 'description': "ContainerSpec.Command (compose's entrypoint)."}, 'args': {'type': ['array', 'null'], 'items': {'type': 'string'}, 'description': "ContainerSpec.Args (compose's command)."}, 'env': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/string_map'}, 'user': {'type': ['string', 'null']}, 'labels': {'type': 'object', 'additionalProperties': {'type': 'string'}}, 'container_labels': {'type': 'object', 'additionalProperties': {'type': 'string'}}, 'mode': {'type': 'string'}, 'replicas': {'type': ['integer', 'null']}, 'resources': {'type': 'object'}, 'placement': {'type': 'object'}, 'ports': {'type': 'array', 'items': {'type': 'string'}}, 'update_config': {'type': ['object', 'null']}, 'rollback_config': {'type': ['object', 'null']}, 'restart_policy': {'type': ['object', 'null']}, 'healthcheck': {'type': ['object', 'null']}, 'secrets': {'type': 'array', 'items': {'type': 'string'}}, 'configs': {'type': 'array', 'items': {'type': 'string'}}, 'update_status': {'type': ['object', 'null'], 'description': "Swarm's UpdateStatus: state (updating, paused, completed, rollback_started, rollback_paused, rollback_completed) and message."}, 'running': {'type': 'integer', 'minimum': 0, 'description': 'Tasks running that should run.'}, 'desired': {'type': ['integer', 'null'], 'description': 'Replicas asked for (replicated), or nodes eligible (global).'}, 'restarts': {'type': 'integer', 'minimum': 0, 'description': "Tasks that failed or were rejected, in Swarm's retained task history."}, 'tasks': {'type': 'array', 'items': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/swarm_task'}}}}}, 'nodes': {'type': 'object', 'description': 'Hostname → node.', 'additionalProperties': {'type': 'object', 'additionalProperties': False, 'required': ['id', 'role', 'availability', 'state', 'addr', 'leader', 'engine_version', 'nano_cpus', 'memory_bytes', 'labels'], 'properties': {'id': {'type': 'string'}, 'role': {'type': ['string', 'null']}, 'availability': {'type': ['string', 'null']}, 'state': {'type': ['string', 'null']}, 'addr': {'type': ['string', 'null']}, 'leader': {'type': 'boolean'}, 'engine_version': {'type': ['string', 'null']}, 'nano_cpus': {'type': ['integer', 'null']}, 'memory_bytes': {'type': ['integer', 'null']}, 'labels': {'type': 'object', 'additionalProperties': {'type': 'string'}}}}}, 'secrets': {'type': 'object', 'description': "The stack's Swarm secrets by name and version; their data is never read.", 'additionalProperties': {'type': 'object', 'additionalProperties': False, 'required': ['id', 'version', 'created', 'updated'], 'properties': {'id': {'type': 'string'}, 'version': {'type': ['integer', 'null']}, 'created': {'type': ['string', 'null']}, 'updated': {'type': ['string', 'null']}}}}, 'configs': {'type': 'object', 'description': "The stack's Swarm configs by name and version; their data is never read.", 'additionalProperties': {'type': 'object', 'additionalProperties': False, 'required': ['id', 'version', 'created', 'updated'], 'properties': {'id': {'type': 'string'}, 'version': {'type': ['integer', 'null']}, 'created': {'type': ['string', 'null']}, 'updated': {'type': ['string', 'null']}}}}}}, 'swarm_service': {'type': 'object', 'additionalProperties': False, 'required': ['name', 'id', 'version', 'image', 'command', 'args', 'env', 'user', 'labels', 'container_labels', 'mode', 'replicas', 'resources', 'placement', 'ports', 'update_config', 'rollback_config', 'restart_policy', 'healthcheck', 'secrets', 'configs', 'update_status', 'running', 'desired', 'restarts', 'tasks'], 'properties': {'name': {'type': 'string'}, 'id': {'type': 'string'}, 'version': {'type': ['integer', 'null']}, 'image': {'type': ['string', 'null'], 'description': 'As the spec holds it: with @sha256 digest when Swarm resolved one.'}, 'command': {'type': ['array', 'null'], 'items': {'type': 'string'}, 'description': "ContainerSpec.Command (compose's entrypoint)."}, 'args': {'type': ['array', 'null'], 'items': {'type': 'string'}, 'description': "ContainerSpec.Args (compose's command)."}, 'env': {'type': 'object', 'additionalProperties': {'type': ['string', 'null']}}, 'user': {'type': ['string', 'null']}, 'labels': {'type': 'object', 'additionalProperties': {'type': 'string'}}, 'container_labels': {'type': 'object', 'additionalProperties': {'type': 'string'}}, 'mode': {'type': 'string'}, 'replicas': {'type': ['integer', 'null']}, 'resources': {'type': 'object'}, 'placement': {'type': 'object'}, 'ports': {'type': 'array', 'items': {'type': 'string'}}, 'update_config': {'type': ['object', 'null']}, 'rollback_config': {'type': ['object', 'null']}, 'restart_policy': {'type': ['object', 'null']}, 'healthcheck': {'type': ['object', 'null']}, 'secrets': {'type': 'array', 'items': {'type': 'string'}}, 'configs': {'type': 'array', 'items': {'type': 'string'}}, 'update_status': {'type': ['object', 'null'], 'description': "Swarm's UpdateStatus: state (updating, paused, completed, rollback_started, rollback_paused, rollback_completed) and message."}, 'running': {'type': 'integer', 'minimum': 0, 'description': 'Tasks running that should run.'}, 'desired': {'type': ['integer', 'null'], 'description': 'Replicas asked for (replicated), or nodes eligible (global).'}, 'restarts': {'type': 'integer', 'minimum': 0, 'description': "Tasks that failed or were rejected, in Swarm's retained task history."}, 'tasks': {'type': 'array', 'items': {'type': 'object', 'additionalProperties': False, 'required': ['id', 'slot', 'node', 'desired_state', 'state', 'error', 'message', 'exit_code', 'image', 'time'], 'properties': {'id': {'type': 'string'}, 'slot': {'type': ['integer', 'null']}, 'node': {'type': ['string', 'null']}, 'desired_state': {'type': 'string'}, 'state': {'type': 'string'}, 'error': {'type': ['string', 'null']}, 'message': {'type': ['string', 'null']}, 'exit_code': {'type': ['integer', 'null']}, 'image': {'type': ['string', 'null']}, 'time': {'type': ['string', 'null']}}}}}}, 'swarm_task': {'type': 'object', 'additionalProperties': False, 'required': ['id', 'slot', 'node', 'desired_state', 'state', 'error', 'message', 'exit_code', 'image', 'time'], 'properties': {'id': {'type': 'string'}, 'slot': {'type': ['integer', 'null']}, 'node': {'type': ['string', 'null']}, 'desired_state': {'type': 'string'}, 'state': {'type': 'string'}, 'error': {'type': ['string', 'null']}, 'message': {'type': ['string', 'null']}, 'exit_code': {'type': ['integer', 'null']}, 'image': {'type': ['string', 'null']}, 'time': {'type': ['string', 'null']}}}, 'swarm_node': {'type': 'object', 'additionalProperties': False, 'required': ['id', 'role', 'availability', 'state', 'addr', 'leader', 'engine_version', 'nano_cpus', 'memory_bytes', 'labels'], 'properties': {'id': {'type': 'string'}, 'role': {'type': ['string', 'null']}, 'availability': {'type': ['string', 'null']}, 'state': {'type': ['string', 'null']}, 'addr': {'type': ['string', 'null']}, 'leader': {'type': 'boolean'}, 'engine_version': {'type': ['string', 'null']}, 'nano_cpus': {'type': ['integer', 'null']}, 'memory_bytes': {'type': ['integer', 'null']}, 'labels': {'type': 'object', 'additionalProperties': {'type': 'string'}}}}, 'swarm_object': {'type': 'object', 'additionalProperties': False, 'required': ['id', 'version', 'created', 'updated'], 'properties': {'id': {'type': 'string'}, 'version': {'type': ['integer', 'null']}, 'created': {'type': ['string', 'null']}, 'updated': {'type': ['string', 'null']}}}}}, rule='additionalProperties')
    return data

def validate_https___envsync_dev_schemas_snapshot_json___defs_swarm(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'description': "A Swarm stack: its services' specs and tasks, the nodes, secrets and configs by name.", 'type': 'object', 'additionalProperties': False, 'required': ['stack', 'manager', 'services', 'nodes', 'secrets', 'configs'], 'properties': {'stack': {'type': 'string'}, 'manager': {'type': 'string', 'description': "The manager's engine URL, without any password."}, 'services': {'type': 'object', 'description': 'Compose service name (the Swarm service without the `<stack>_` prefix) → its spec and tasks.', 'additionalProperties': {'type': 'object', 'additionalProperties': False, 'required': ['name', 'id', 'version', 'image', 'command', 'args', 'env', 'user', 'labels', 'container_labels', 'mode', 'replicas', 'resources', 'placement', 'ports', 'update_config', 'rollback_config', 'restart_policy', 'healthcheck', 'secrets', 'configs', 'update_status', 'running', 'desired', 'restarts', 'tasks'], 'properties': {'name': {'type': 'string'}, 'id': {'type': 'string'}, 'version': {'type': ['integer', 'null']}, 'image': {'type': ['string', 'null'], 'description': 'As the spec holds it: with @sha256 digest when Swarm resolved one.'}, 'command': {'type': ['array', 'null'], 'items': {'type': 'string'}, 'description': "ContainerSpec.Command (compose's entrypoint)."}, 'args': {'type': ['array', 'null'], 'items': {'type': 'string'}, 'description': "ContainerSpec.Args (compose's command)."}, 'env': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/string_map'}, 'user': {'type': ['string', 'null']}, 'labels': {'type': 'object', 'additionalProperties': {'type': 'string'}}, 'container_labels': {'type': 'object', 'additionalProperties': {'type': 'string'}}, 'mode': {'type': 'string'}, 'replicas': {'type': ['integer', 'null']}, 'resources': {'type': 'object'}, 'placement': {'type': 'object'}, 'ports': {'type': 'array', 'items': {'type': 'string'}}, 'update_config': {'type': ['object', 'null']}, 'rollback_config': {'type': ['object', 'null']}, 'restart_policy': {'type': ['object', 'null']}, 'healthcheck': {'type': ['object', 'null']}, 'secrets': {'type': 'array', 'items': {'type': 'string'}}, 'configs': {'type': 'array', 'items': {'type': 'string'}}, 'update_status': {'type': ['object', 'null'], 'description': "Swarm's UpdateStatus: state (updating, paused, completed, rollback_started, rollback_paused, rollback_completed) and message."}, 'running': {'type': 'integer', 'minimum': 0, 'description': 'Tasks running that should run.'}, 'desired': {'type': ['integer', 'null'], 'description': 'Replicas asked for (replicated), or nodes eligible (global).'}, 'restarts': {'type': 'integer', 'minimum': 0, 'description': "Tasks that failed or were rejected, in Swarm's retained task history."}, 'tasks': {'type': 'array', 'items': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/swarm_task'}}}}}, 'nodes': {'type': 'object', 'description': 'Hostname → node.', 'additionalProperties': {'type': 'object', 'additionalProperties': False, 'required': ['id', 'role', 'availability', 'state', 'addr', 'leader', 'engine_version', 'nano_cpus', 'memory_bytes', 'labels'], 'properties': {'id': {'type': 'string'}, 'role': {'type': ['string', 'null']}, 'availability': {'type': ['string', 'null']}, 'state': {'type': ['string', 'null']}, 'addr': {'type': ['string', 'null']}, 'leader': {'type': 'boolean'}, 'engine_version': {'type': ['string', 'null']}, 'nano_cpus': {'type': ['integer', 'null']}, 'memory_bytes': {'type': ['integer', 'null']}, 'labels': {'type': 'object', 'additionalProperties': {'type': 'string'}}}}}, 'secrets': {'type': 'object', 'description': "The stack's Swarm secrets by name and version; their data is never read.", 'additionalProperties': {'type': 'object', 'additionalProperties': False, 'required': ['id', 'version', 'created', 'updated'], 'properties': {'id': {'type': 'string'}, 'version': {'type': ['integer', 'null']}, 'created': {'type': ['string', 'null']}, 'updated': {'type': ['string', 'null']}}}}, 'configs': {'type': 'object', 'description': "The stack's Swarm configs by name and version; their data is never read.", 'additionalProperties': {'type': 'object', 'additionalProperties': False, 'required': ['id', 'version', 'created', 'updated'], 'properties': {'id': {'type': 'string'}, 'version': {'type': ['integer', 'null']}, 'created': {'type': ['string', 'null']}, 'updated': {'type': ['string', 'null']}}}}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['stack', 'manager', 'services', 'nodes', 'secrets', 'configs']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'description': "A Swarm stack: its services' specs and tasks, the nodes, secrets and configs by name.", 'type': 'object', 'additionalProperties': False, 'required': ['stack', 'manager', 'services', 'nodes', 'secrets', 'configs'], 'properties': {'stack': {'type': 'string'}, 'manager': {'type': 'string', 'description': "The manager's engine URL, without any password."}, 'services': {'type': 'object', 'description': 'Compose service name (the Swarm service without the `<stack>_` prefix) → its spec and tasks.', 'additionalProperties': {'type': 'object', 'additionalProperties': False, 'required': ['name', 'id', 'version', 'image', 'command', 'args', 'env', 'user', 'labels', 'container_labels', 'mode', 'replicas', 'resources', 'placement', 'ports', 'update_config', 'rollback_config', 'restart_policy', 'healthcheck', 'secrets', 'configs', 'update_status', 'running', 'desired', 'restarts', 'tasks'], 'properties': {'name': {'type': 'string'}, 'id': {'type': 'string'}, 'version': {'type': ['integer', 'null']}, 'image': {'type': ['string', 'null'], 'description': 'As the spec holds it: with @sha256 digest when Swarm resolved one.'}, 'command': {'type': ['array', 'null'], 'items': {'type': 'string'}, 'description': "ContainerSpec.Command (compose's entrypoint)."}, 'args': {'type': ['array', 'null'], 'items': {'type': 'string'}, 'description': "ContainerSpec.Args (compose's command)."}, 'env': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/string_map'}, 'user': {'type': ['string', 'null']}, 'labels': {'type': 'object', 'additionalProperties': {'type': 'string'}}, 'container_labels': {'type': 'object', 'additionalProperties': {'type': 'string'}}, 'mode': {'type': 'string'}, 'replicas': {'type': ['integer', 'null']}, 'resources': {'type': 'object'}, 'placement': {'type': 'object'}, 'ports': {'type': 'array', 'items': {'type': 'string'}}, 'update_config': {'type': ['object', 'null']}, 'rollback_config': {'type': ['object', 'null']}, 'restart_policy': {'type': ['object', 'null']}, 'healthcheck': {'type': ['object', 'null']}, 'secrets': {'type': 'array', 'items': {'type': 'string'}}, 'configs': {'type': 'array', 'items': {'type': 'string'}}, 'update_status': {'type': ['object', 'null'], 'description': "Swarm's UpdateStatus: state (updating, paused, completed, rollback_started, rollback_paused, rollback_completed) and message."}, 'running': {'type': 'integer', 'minimum': 0, 'description': 'Tasks running that should run.'}, 'desired': {'type': ['integer', 'null'], 'description': 'Replicas asked for (replicated), or nodes eligible (global).'}, 'restarts': {'type': 'integer', 'minimum': 0, 'description': "Tasks that failed or were rejected, in Swarm's retained task history."}, 'tasks': {'type': 'array', 'items': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/swarm_task'}}}}}, 'nodes': {'type': 'object', 'description': 'Hostname → node.', 'additionalProperties': {'type': 'object', 'additionalProperties': False, 'required': ['id', 'role', 'availability', 'state', 'addr', 'leader', 'engine_version', 'nano_cpus', 'memory_bytes', 'labels'], 'properties': {'id': {'type': 'string'}, 'role': {'type': ['string', 'null']}, 'availability': {'type': ['string', 'null']}, 'state': {'type': ['string', 'null']}, 'addr': {'type': ['string', 'null']}, 'leader': {'type': 'boolean'}, 'engine_version': {'type': ['string', 'null']}, 'nano_cpus': {'type': ['integer', 'null']}, 'memory_bytes': {'type': ['integer', 'null']}, 'labels': {'type': 'object', 'additionalProperties': {'type': 'string'}}}}}, 'secrets': {'type': 'object', 'description': "The stack's Swarm secrets by name and version; their data is never read.", 'additionalProperties': {'type': 'object', 'additionalProperties': False, 'required': ['id', 'version', 'created', 'updated'], 'properties': {'id': {'type': 'string'}, 'version': {'type': ['integer', 'null']}, 'created': {'type': ['string', 'null']}, 'updated': {'type': ['string', 'null']}}}}, 'configs': {'type': 'object', 'description': "The stack's Swarm configs by name and version; their data is never read.", 'additionalProperties': {'type': 'object', 'additionalProperties': False, 'required': ['id', 'version', 'created', 'updated'], 'properties': {'id': {'type': 'string'}, 'version': {'type': ['integer', 'null']}, 'created': {'type': ['string', 'null']}, 'updated': {'type': ['string', 'null']}}}}}}, rule='required')
        data_keys = set(data.keys())
        if "stack" in data_keys:
            data_keys.remove("stack")
            data__stack = data["stack"]
            if not isinstance(data__stack, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".stack must be string", value=data__stack, name="" + (name_prefix or "data") + ".stack", definition={'type': 'string'}, rule='type')
        if "manager" in data_keys:
            data_keys.remove("manager")
            data__manager = data["manager"]
            if not isinstance(data__manager, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".manager must be string", value=data__manager, name="" + (name_prefix or "data") + ".manager", definition={'type': 'string', 'description': "The manager's engine URL, without any password."}, rule='type')
        if "services" in data_keys:
            data_keys.remove("services")
            data__services = data["services"]
            if not isinstance(data__services, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".services must be object", value=data__services, name="" + (name_prefix or "data") + ".services", definition={'type': 'object', 'description': 'Compose service name (the Swarm service without the `<stack>_` prefix) → its spec and tasks.', 'additionalProperties': {'type': 'object', 'additionalProperties': False, 'required': ['name', 'id', 'version', 'image', 'command', 'args', 'env', 'user', 'labels', 'container_labels', 'mode', 'replicas', 'resources', 'placement', 'ports', 'update_config', 'rollback_config', 'restart_policy', 'healthcheck', 'secrets', 'configs', 'update_status', 'running', 'desired', 'restarts', 'tasks'], 'properties': {'name': {'type': 'string'}, 'id': {'type': 'string'}, 'version': {'type': ['integer', 'null']}, 'image': {'type': ['string', 'null'], 'description': 'As the spec holds it: with @sha256 digest when Swarm resolved one.'}, 'command': {'type': ['array', 'null'], 'items': {'type': 'string'}, 'description': "ContainerSpec.Command (compose's entrypoint)."}, 'args': {'type': ['array', 'null'], 'items': {'type': 'string'}, 'description': "ContainerSpec.Args (compose's command)."}, 'env': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/string_map'}, 'user': {'type': ['string', 'null']}, 'labels': {'type': 'object', 'additionalProperties': {'type': 'string'}}, 'container_labels': {'type': 'object', 'additionalProperties': {'type': 'string'}}, 'mode': {'type': 'string'}, 'replicas': {'type': ['integer', 'null']}, 'resources': {'type': 'object'}, 'placement': {'type': 'object'}, 'ports': {'type': 'array', 'items': {'type': 'string'}}, 'update_config': {'type': ['object', 'null']}, 'rollback_config': {'type': ['object', 'null']}, 'restart_policy': {'type': ['object', 'null']}, 'healthcheck': {'type': ['object', 'null']}, 'secrets': {'type': 'array', 'items': {'type': 'string'}}, 'configs': {'type': 'array', 'items': {'type': 'string'}}, 'update_status': {'type': ['object', 'null'], 'description': "Swarm's UpdateStatus: state (updating, paused, completed, rollback_started, rollback_paused, rollback_completed) and message."}, 'running': {'type': 'integer', 'minimum': 0, 'description': 'Tasks running that should run.'}, 'desired': {'type': ['integer', 'null'], 'description': 'Replicas asked for (replicated), or nodes eligible (global).'}, 'restarts': {'type': 'integer', 'minimum': 0, 'description': "Tasks that failed or were rejected, in Swarm's retained task history."}, 'tasks': {'type': 'array', 'items': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/swarm_task'}}}}}, rule='type')
            data__services_is_dict = isinstance(data__services, dict)
            if data__services_is_dict:
                data__services_keys = set(data__services.keys())
                for data__services_key in data__services_keys:
                    if data__services_key not in []:
                        data__services_value = data__services.get(data__services_key)
                        validate_https___envsync_dev_schemas_snapshot_json___defs_swarm_service(data__services_value, custom_formats, (name_prefix or "data") + ".services.{data__services_key}".format(**locals()))
        if "nodes" in data_keys:
            data_keys.remove("nodes")
            data__nodes = data["nodes"]
            if not isinstance(data__nodes, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".nodes must be object", value=data__nodes, name="" + (name_prefix or "data") + ".nodes", definition={'type': 'object', 'description': 'Hostname → node.', 'additionalProperties': {'type': 'object', 'additionalProperties': False, 'required': ['id', 'role', 'availability', 'state', 'addr', 'leader', 'engine_version', 'nano_cpus', 'memory_bytes', 'labels'], 'properties': {'id': {'type': 'string'}, 'role': {'type': ['string', 'null']}, 'availability': {'type': ['string', 'null']}, 'state': {'type': ['string', 'null']}, 'addr': {'type': ['string', 'null']}, 'leader': {'type': 'boolean'}, 'engine_version': {'type': ['string', 'null']}, 'nano_cpus': {'type': ['integer', 'null']}, 'memory_bytes': {'type': ['integer', 'null']}, 'labels': {'type': 'object', 'additionalProperties': {'type': 'string'}}}}}, rule='type')
            data__nodes_is_dict = isinstance(data__nodes, dict)
            if data__nodes_is_dict:
                data__nodes_keys = set(data__nodes.keys())
                for data__nodes_key in data__nodes_keys:
                    if data__nodes_key not in []:
                        data__nodes_value = data__nodes.get(data__nodes_key)
                        validate_https___envsync_dev_schemas_snapshot_json___defs_swarm_node(data__nodes_value, custom_formats, (name_prefix or "data") + ".nodes.{data__nodes_key}".format(**locals()))
        if "secrets" in data_keys:
            data_keys.remove("secrets")
            data__secrets = data["secrets"]
            if not isinstance(data__secrets, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".secrets must be object", value=data__secrets, name="" + (name_prefix or "data") + ".secrets", definition={'type': 'object', 'description': "The stack's Swarm secrets by name and version; their data is never read.", 'additionalProperties': {'type': 'object', 'additionalProperties': False, 'required': ['id', 'version', 'created', 'updated'], 'properties': {'id': {'type': 'string'}, 'version': {'type': ['integer', 'null']}, 'created': {'type': ['string', 'null']}, 'updated': {'type': ['string', 'null']}}}}, rule='type')
            data__secrets_is_dict = isinstance(data__secrets, dict)
            if data__secrets_is_dict:
                data__secrets_keys = set(data__secrets.keys())
                for data__secrets_key in data__secrets_keys:
                    if data__secrets_key not in []:
                        data__secrets_value = data__secrets.get(data__secrets_key)
                        validate_https___envsync_dev_schemas_snapshot_json___defs_swarm_object(data__secrets_value, custom_formats, (name_prefix or "data") + ".secrets.{data__secrets_key}".format(**locals()))
        if "configs" in data_keys:
            data_keys.remove("configs")
            data__configs = data["configs"]
            if not isinstance(data__configs, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".configs must be object", value=data__configs, name="" + (name_prefix or "data") + ".configs", definition={'type': 'object', 'description': "The stack's Swarm configs by name and version; their data is never read.", 'additionalProperties': {'type': 'object', 'additionalProperties': False, 'required': ['id', 'version', 'created', 'updated'], 'properties': {'id': {'type': 'string'}, 'version': {'type': ['integer', 'null']}, 'created': {'type': ['string', 'null']}, 'updated': {'type': ['string', 'null']}}}}, rule='type')
            data__configs_is_dict = isinstance(data__configs, dict)
            if data__configs_is_dict:
                data__configs_keys = set(data__configs.keys())
                for data__configs_key in data__configs_keys:
                    if data__configs_key not in []:
                        data__configs_value = data__configs.get(data__configs_key)
                        validate_https___envsync_dev_schemas_snapshot_json___defs_swarm_object(data__configs_value, custom_formats, (name_prefix or "data") + ".configs.{data__configs_key}".format(**locals()))
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'description': "A Swarm stack: its services' specs and tasks, the nodes, secrets and configs by name.", 'type': 'object', 'additionalProperties': False, 'required': ['stack', 'manager', 'services', 'nodes', 'secrets', 'configs'], 'properties': {'stack': {'type': 'string'}, 'manager': {'type': 'string', 'description': "The manager's engine URL, without any password."}, 'services': {'type': 'object', 'description': 'Compose service name (the Swarm service without the `<stack>_` prefix) → its spec and tasks.', 'additionalProperties': {'type': 'object', 'additionalProperties': False, 'required': ['name', 'id', 'version', 'image', 'command', 'args', 'env', 'user', 'labels', 'container_labels', 'mode', 'replicas', 'resources', 'placement', 'ports', 'update_config', 'rollback_config', 'restart_policy', 'healthcheck', 'secrets', 'configs', 'update_status', 'running', 'desired', 'restarts', 'tasks'], 'properties': {'name': {'type': 'string'}, 'id': {'type': 'string'}, 'version': {'type': ['integer', 'null']}, 'image': {'type': ['string', 'null'], 'description': 'As the spec holds it: with @sha256 digest when Swarm resolved one.'}, 'command': {'type': ['array', 'null'], 'items': {'type': 'string'}, 'description': "ContainerSpec.Command (compose's entrypoint)."}, 'args': {'type': ['array', 'null'], 'items': {'type': 'string'}, 'description': "ContainerSpec.Args (compose's command)."}, 'env': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/string_map'}, 'user': {'type': ['string', 'null']}, 'labels': {'type': 'object', 'additionalProperties': {'type': 'string'}}, 'container_labels': {'type': 'object', 'additionalProperties': {'type': 'string'}}, 'mode': {'type': 'string'}, 'replicas': {'type': ['integer', 'null']}, 'resources': {'type': 'object'}, 'placement': {'type': 'object'}, 'ports': {'type': 'array', 'items': {'type': 'string'}}, 'update_config': {'type': ['object', 'null']}, 'rollback_config': {'type': ['object', 'null']}, 'restart_policy': {'type': ['object', 'null']}, 'healthcheck': {'type': ['object', 'null']}, 'secrets': {'type': 'array', 'items': {'type': 'string'}}, 'configs': {'type': 'array', 'items': {'type': 'string'}}, 'update_status': {'type': ['object', 'null'], 'description': "Swarm's UpdateStatus: state (updating, paused, completed, rollback_started, rollback_paused, rollback_completed) and message."}, 'running': {'type': 'integer', 'minimum': 0, 'description': 'Tasks running that should run.'}, 'desired': {'type': ['integer', 'null'], 'description': 'Replicas asked for (replicated), or nodes eligible (global).'}, 'restarts': {'type': 'integer', 'minimum': 0, 'description': "Tasks that failed or were rejected, in Swarm's retained task history."}, 'tasks': {'type': 'array', 'items': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/swarm_task'}}}}}, 'nodes': {'type': 'object', 'description': 'Hostname → node.', 'additionalProperties': {'type': 'object', 'additionalProperties': False, 'required': ['id', 'role', 'availability', 'state', 'addr', 'leader', 'engine_version', 'nano_cpus', 'memory_bytes', 'labels'], 'properties': {'id': {'type': 'string'}, 'role': {'type': ['string', 'null']}, 'availability': {'type': ['string', 'null']}, 'state': {'type': ['string', 'null']}, 'addr': {'type': ['string', 'null']}, 'leader': {'type': 'boolean'}, 'engine_version': {'type': ['string', 'null']}, 'nano_cpus': {'type': ['integer', 'null']}, 'memory_bytes': {'type': ['integer', 'null']}, 'labels': {'type': 'object', 'additionalProperties': {'type': 'string'}}}}}, 'secrets': {'type': 'object', 'description': "The stack's Swarm secrets by name and version; their data is never read.", 'additionalProperties': {'type': 'object', 'additionalProperties': False, 'required': ['id', 'version', 'created', 'updated'], 'properties': {'id': {'type': 'string'}, 'version': {'type': ['integer', 'null']}, 'created': {'type': ['string', 'null']}, 'updated': {'type': ['string', 'null']}}}}, 'configs': {'type': 'object', 'description': "The stack's Swarm configs by name and version; their data is never read.", 'additionalProperties': {'type': 'object', 'additionalProperties': False, 'required': ['id', 'version', 'created', 'updated'], 'properties': {'id': {'type': 'string'}, 'version': {'type': ['integer', 'null']}, 'created': {'type': ['string', 'null']}, 'updated': {'type': ['string', 'null']}}}}}}, rule='additionalProperties')
    return data

def validate_https___envsync_dev_schemas_snapshot_json___defs_swarm_object(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'additionalProperties': False, 'required': ['id', 'version', 'created', 'updated'], 'properties': {'id': {'type': 'string'}, 'version': {'type': ['integer', 'null']}, 'created': {'type': ['string', 'null']}, 'updated': {'type': ['string', 'null']}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['id', 'version', 'created', 'updated']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'additionalProperties': False, 'required': ['id', 'version', 'created', 'updated'], 'properties': {'id': {'type': 'string'}, 'version': {'type': ['integer', 'null']}, 'created': {'type': ['string', 'null']}, 'updated': {'type': ['string', 'null']}}}, rule='required')
        data_keys = set(data.keys())
        if "id" in data_keys:
            data_keys.remove("id")
            data__id = data["id"]
            if not isinstance(data__id, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".id must be string", value=data__id, name="" + (name_prefix or "data") + ".id", definition={'type': 'string'}, rule='type')
        if "version" in data_keys:
            data_keys.remove("version")
            data__version = data["version"]
            if not isinstance(data__version, (int, NoneType)) and not (isinstance(data__version, float) and data__version.is_integer()) or isinstance(data__version, bool):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".version must be integer or null", value=data__version, name="" + (name_prefix or "data") + ".version", definition={'type': ['integer', 'null']}, rule='type')
        if "created" in data_keys:
            data_keys.remove("created")
            data__created = data["created"]
            if not isinstance(data__created, (str, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".created must be string or null", value=data__created, name="" + (name_prefix or "data") + ".created", definition={'type': ['string', 'null']}, rule='type')
        if "updated" in data_keys:
            data_keys.remove("updated")
            data__updated = data["updated"]
            if not isinstance(data__updated, (str, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".updated must be string or null", value=data__updated, name="" + (name_prefix or "data") + ".updated", definition={'type': ['string', 'null']}, rule='type')
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'additionalProperties': False, 'required': ['id', 'version', 'created', 'updated'], 'properties': {'id': {'type': 'string'}, 'version': {'type': ['integer', 'null']}, 'created': {'type': ['string', 'null']}, 'updated': {'type': ['string', 'null']}}}, rule='additionalProperties')
    return data

def validate_https___envsync_dev_schemas_snapshot_json___defs_swarm_node(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'additionalProperties': False, 'required': ['id', 'role', 'availability', 'state', 'addr', 'leader', 'engine_version', 'nano_cpus', 'memory_bytes', 'labels'], 'properties': {'id': {'type': 'string'}, 'role': {'type': ['string', 'null']}, 'availability': {'type': ['string', 'null']}, 'state': {'type': ['string', 'null']}, 'addr': {'type': ['string', 'null']}, 'leader': {'type': 'boolean'}, 'engine_version': {'type': ['string', 'null']}, 'nano_cpus': {'type': ['integer', 'null']}, 'memory_bytes': {'type': ['integer', 'null']}, 'labels': {'type': 'object', 'additionalProperties': {'type': 'string'}}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['id', 'role', 'availability', 'state', 'addr', 'leader', 'engine_version', 'nano_cpus', 'memory_bytes', 'labels']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'additionalProperties': False, 'required': ['id', 'role', 'availability', 'state', 'addr', 'leader', 'engine_version', 'nano_cpus', 'memory_bytes', 'labels'], 'properties': {'id': {'type': 'string'}, 'role': {'type': ['string', 'null']}, 'availability': {'type': ['string', 'null']}, 'state': {'type': ['string', 'null']}, 'addr': {'type': ['string', 'null']}, 'leader': {'type': 'boolean'}, 'engine_version': {'type': ['string', 'null']}, 'nano_cpus': {'type': ['integer', 'null']}, 'memory_bytes': {'type': ['integer', 'null']}, 'labels': {'type': 'object', 'additionalProperties': {'type': 'string'}}}}, rule='required')
        data_keys = set(data.keys())
        if "id" in data_keys:
            data_keys.remove("id")
            data__id = data["id"]
            if not isinstance(data__id, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".id must be string", value=data__id, name="" + (name_prefix or "data") + ".id", definition={'type': 'string'}, rule='type')
        if "role" in data_keys:
            data_keys.remove("role")
            data__role = data["role"]
            if not isinstance(data__role, (str, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".role must be string or null", value=data__role, name="" + (name_prefix or "data") + ".role", definition={'type': ['string', 'null']}, rule='type')
        if "availability" in data_keys:
            data_keys.remove("availability")
            data__availability = data["availability"]
            if not isinstance(data__availability, (str, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".availability must be string or null", value=data__availability, name="" + (name_prefix or "data") + ".availability", definition={'type': ['string', 'null']}, rule='type')
        if "state" in data_keys:
            data_keys.remove("state")
            data__state = data["state"]
            if not isinstance(data__state, (str, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".state must be string or null", value=data__state, name="" + (name_prefix or "data") + ".state", definition={'type': ['string', 'null']}, rule='type')
        if "addr" in data_keys:
            data_keys.remove("addr")
            data__addr = data["addr"]
            if not isinstance(data__addr, (str, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".addr must be string or null", value=data__addr, name="" + (name_prefix or "data") + ".addr", definition={'type': ['string', 'null']}, rule='type')
        if "leader" in data_keys:
            data_keys.remove("leader")
            data__leader = data["leader"]
            if not isinstance(data__leader, (bool)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".leader must be boolean", value=data__leader, name="" + (name_prefix or "data") + ".leader", definition={'type': 'boolean'}, rule='type')
        if "engine_version" in data_keys:
            data_keys.remove("engine_version")
            data__engineversion = data["engine_version"]
            if not isinstance(data__engineversion, (str, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".engine_version must be string or null", value=data__engineversion, name="" + (name_prefix or "data") + ".engine_version", definition={'type': ['string', 'null']}, rule='type')
        if "nano_cpus" in data_keys:
            data_keys.remove("nano_cpus")
            data__nanocpus = data["nano_cpus"]
            if not isinstance(data__nanocpus, (int, NoneType)) and not (isinstance(data__nanocpus, float) and data__nanocpus.is_integer()) or isinstance(data__nanocpus, bool):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".nano_cpus must be integer or null", value=data__nanocpus, name="" + (name_prefix or "data") + ".nano_cpus", definition={'type': ['integer', 'null']}, rule='type')
        if "memory_bytes" in data_keys:
            data_keys.remove("memory_bytes")
            data__memorybytes = data["memory_bytes"]
            if not isinstance(data__memorybytes, (int, NoneType)) and not (isinstance(data__memorybytes, float) and data__memorybytes.is_integer()) or isinstance(data__memorybytes, bool):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".memory_bytes must be integer or null", value=data__memorybytes, name="" + (name_prefix or "data") + ".memory_bytes", definition={'type': ['integer', 'null']}, rule='type')
        if "labels" in data_keys:
            data_keys.remove("labels")
            data__labels = data["labels"]
            if not isinstance(data__labels, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".labels must be object", value=data__labels, name="" + (name_prefix or "data") + ".labels", definition={'type': 'object', 'additionalProperties': {'type': 'string'}}, rule='type')
            data__labels_is_dict = isinstance(data__labels, dict)
            if data__labels_is_dict:
                data__labels_keys = set(data__labels.keys())
                for data__labels_key in data__labels_keys:
                    if data__labels_key not in []:
                        data__labels_value = data__labels.get(data__labels_key)
                        if not isinstance(data__labels_value, (str)):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".labels.{data__labels_key}".format(**locals()) + " must be string", value=data__labels_value, name="" + (name_prefix or "data") + ".labels.{data__labels_key}".format(**locals()) + "", definition={'type': 'string'}, rule='type')
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'additionalProperties': False, 'required': ['id', 'role', 'availability', 'state', 'addr', 'leader', 'engine_version', 'nano_cpus', 'memory_bytes', 'labels'], 'properties': {'id': {'type': 'string'}, 'role': {'type': ['string', 'null']}, 'availability': {'type': ['string', 'null']}, 'state': {'type': ['string', 'null']}, 'addr': {'type': ['string', 'null']}, 'leader': {'type': 'boolean'}, 'engine_version': {'type': ['string', 'null']}, 'nano_cpus': {'type': ['integer', 'null']}, 'memory_bytes': {'type': ['integer', 'null']}, 'labels': {'type': 'object', 'additionalProperties': {'type': 'string'}}}}, rule='additionalProperties')
    return data

def validate_https___envsync_dev_schemas_snapshot_json___defs_swarm_service(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'additionalProperties': False, 'required': ['name', 'id', 'version', 'image', 'command', 'args', 'env', 'user', 'labels', 'container_labels', 'mode', 'replicas', 'resources', 'placement', 'ports', 'update_config', 'rollback_config', 'restart_policy', 'healthcheck', 'secrets', 'configs', 'update_status', 'running', 'desired', 'restarts', 'tasks'], 'properties': {'name': {'type': 'string'}, 'id': {'type': 'string'}, 'version': {'type': ['integer', 'null']}, 'image': {'type': ['string', 'null'], 'description': 'As the spec holds it: with @sha256 digest when Swarm resolved one.'}, 'command': {'type': ['array', 'null'], 'items': {'type': 'string'}, 'description': "ContainerSpec.Command (compose's entrypoint)."}, 'args': {'type': ['array', 'null'], 'items': {'type': 'string'}, 'description': "ContainerSpec.Args (compose's command)."}, 'env': {'type': 'object', 'additionalProperties': {'type': ['string', 'null']}}, 'user': {'type': ['string', 'null']}, 'labels': {'type': 'object', 'additionalProperties': {'type': 'string'}}, 'container_labels': {'type': 'object', 'additionalProperties': {'type': 'string'}}, 'mode': {'type': 'string'}, 'replicas': {'type': ['integer', 'null']}, 'resources': {'type': 'object'}, 'placement': {'type': 'object'}, 'ports': {'type': 'array', 'items': {'type': 'string'}}, 'update_config': {'type': ['object', 'null']}, 'rollback_config': {'type': ['object', 'null']}, 'restart_policy': {'type': ['object', 'null']}, 'healthcheck': {'type': ['object', 'null']}, 'secrets': {'type': 'array', 'items': {'type': 'string'}}, 'configs': {'type': 'array', 'items': {'type': 'string'}}, 'update_status': {'type': ['object', 'null'], 'description': "Swarm's UpdateStatus: state (updating, paused, completed, rollback_started, rollback_paused, rollback_completed) and message."}, 'running': {'type': 'integer', 'minimum': 0, 'description': 'Tasks running that should run.'}, 'desired': {'type': ['integer', 'null'], 'description': 'Replicas asked for (replicated), or nodes eligible (global).'}, 'restarts': {'type': 'integer', 'minimum': 0, 'description': "Tasks that failed or were rejected, in Swarm's retained task history."}, 'tasks': {'type': 'array', 'items': {'type': 'object', 'additionalProperties': False, 'required': ['id', 'slot', 'node', 'desired_state', 'state', 'error', 'message', 'exit_code', 'image', 'time'], 'properties': {'id': {'type': 'string'}, 'slot': {'type': ['integer', 'null']}, 'node': {'type': ['string', 'null']}, 'desired_state': {'type': 'string'}, 'state': {'type': 'string'}, 'error': {'type': ['string', 'null']}, 'message': {'type': ['string', 'null']}, 'exit_code': {'type': ['integer', 'null']}, 'image': {'type': ['string', 'null']}, 'time': {'type': ['string', 'null']}}}}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['name', 'id', 'version', 'image', 'command', 'args', 'env', 'user', 'labels', 'container_labels', 'mode', 'replicas', 'resources', 'placement', 'ports', 'update_config', 'rollback_config', 'restart_policy', 'healthcheck', 'secrets', 'configs', 'update_status', 'running', 'desired', 'restarts', 'tasks']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'additionalProperties': False, 'required': ['name', 'id', 'version', 'image', 'command', 'args', 'env', 'user', 'labels', 'container_labels', 'mode', 'replicas', 'resources', 'placement', 'ports', 'update_config', 'rollback_config', 'restart_policy', 'healthcheck', 'secrets', 'configs', 'update_status', 'running', 'desired', 'restarts', 'tasks'], 'properties': {'name': {'type': 'string'}, 'id': {'type': 'string'}, 'version': {'type': ['integer', 'null']}, 'image': {'type': ['string', 'null'], 'description': 'As the spec holds it: with @sha256 digest when Swarm resolved one.'}, 'command': {'type': ['array', 'null'], 'items': {'type': 'string'}, 'description': "ContainerSpec.Command (compose's entrypoint)."}, 'args': {'type': ['array', 'null'], 'items': {'type': 'string'}, 'description': "ContainerSpec.Args (compose's command)."}, 'env': {'type': 'object', 'additionalProperties': {'type': ['string', 'null']}}, 'user': {'type': ['string', 'null']}, 'labels': {'type': 'object', 'additionalProperties': {'type': 'string'}}, 'container_labels': {'type': 'object', 'additionalProperties': {'type': 'string'}}, 'mode': {'type': 'string'}, 'replicas': {'type': ['integer', 'null']}, 'resources': {'type': 'object'}, 'placement': {'type': 'object'}, 'ports': {'type': 'array', 'items': {'type': 'string'}}, 'update_config': {'type': ['object', 'null']}, 'rollback_config': {'type': ['object', 'null']}, 'restart_policy': {'type': ['object', 'null']}, 'healthcheck': {'type': ['object', 'null']}, 'secrets': {'type': 'array', 'items': {'type': 'string'}}, 'configs': {'type': 'array', 'items': {'type': 'string'}}, 'update_status': {'type': ['object', 'null'], 'description': "Swarm's UpdateStatus: state (updating, paused, completed, rollback_started, rollback_paused, rollback_completed) and message."}, 'running': {'type': 'integer', 'minimum': 0, 'description': 'Tasks running that should run.'}, 'desired': {'type': ['integer', 'null'], 'description': 'Replicas asked for (replicated), or nodes eligible (global).'}, 'restarts': {'type': 'integer', 'minimum': 0, 'description': "Tasks that failed or were rejected, in Swarm's retained task history."}, 'tasks': {'type': 'array', 'items': {'type': 'object', 'additionalProperties': False, 'required': ['id', 'slot', 'node', 'desired_state', 'state', 'error', 'message', 'exit_code', 'image', 'time'], 'properties': {'id': {'type': 'string'}, 'slot': {'type': ['integer', 'null']}, 'node': {'type': ['string', 'null']}, 'desired_state': {'type': 'string'}, 'state': {'type': 'string'}, 'error': {'type': ['string', 'null']}, 'message': {'type': ['string', 'null']}, 'exit_code': {'type': ['integer', 'null']}, 'image': {'type': ['string', 'null']}, 'time': {'type': ['string', 'null']}}}}}}, rule='required')
        data_keys = set(data.keys())
        if "name" in data_keys:
            data_keys.remove("name")
            data__name = data["name"]
            if not isinstance(data__name, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".name must be string", value=data__name, name="" + (name_prefix or "data") + ".name", definition={'type': 'string'}, rule='type')
        if "id" in data_keys:
            data_keys.remove("id")
            data__id = data["id"]
            if not isinstance(data__id, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".id must be string", value=data__id, name="" + (name_prefix or "data") + ".id", definition={'type': 'string'}, rule='type')
        if "version" in data_keys:
            data_keys.remove("version")
            data__version = data["version"]
            if not isinstance(data__version, (int, NoneType)) and not (isinstance(data__version, float) and data__version.is_integer()) or isinstance(data__version, bool):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".version must be integer or null", value=data__version, name="" + (name_prefix or "data") + ".version", definition={'type': ['integer', 'null']}, rule='type')
        if "image" in data_keys:
            data_keys.remove("image")
            data__image = data["image"]
            if not isinstance(data__image, (str, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".image must be string or null", value=data__image, name="" + (name_prefix or "data") + ".image", definition={'type': ['string', 'null'], 'description': 'As the spec holds it: with @sha256 digest when Swarm resolved one.'}, rule='type')
        if "command" in data_keys:
            data_keys.remove("command")
            data__command = data["command"]
            if not isinstance(data__command, (list, tuple, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".command must be array or null", value=data__command, name="" + (name_prefix or "data") + ".command", definition={'type': ['array', 'null'], 'items': {'type': 'string'}, 'description': "ContainerSpec.Command (compose's entrypoint)."}, rule='type')
            data__command_is_list = isinstance(data__command, (list, tuple))
            if data__command_is_list:
                data__command_len = len(data__command)
                for data__command_x, data__command_item in enumerate(data__command):
                    if not isinstance(data__command_item, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".command[{data__command_x}]".format(**locals()) + " must be string", value=data__command_item, name="" + (name_prefix or "data") + ".command[{data__command_x}]".format(**locals()) + "", definition={'type': 'string'}, rule='type')
        if "args" in data_keys:
            data_keys.remove("args")
            data__args = data["args"]
            if not isinstance(data__args, (list, tuple, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".args must be array or null", value=data__args, name="" + (name_prefix or "data") + ".args", definition={'type': ['array', 'null'], 'items': {'type': 'string'}, 'description': "ContainerSpec.Args (compose's command)."}, rule='type')
            data__args_is_list = isinstance(data__args, (list, tuple))
            if data__args_is_list:
                data__args_len = len(data__args)
                for data__args_x, data__args_item in enumerate(data__args):
                    if not isinstance(data__args_item, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".args[{data__args_x}]".format(**locals()) + " must be string", value=data__args_item, name="" + (name_prefix or "data") + ".args[{data__args_x}]".format(**locals()) + "", definition={'type': 'string'}, rule='type')
        if "env" in data_keys:
            data_keys.remove("env")
            data__env = data["env"]
            validate_https___envsync_dev_schemas_snapshot_json___defs_string_map(data__env, custom_formats, (name_prefix or "data") + ".env")
        if "user" in data_keys:
            data_keys.remove("user")
            data__user = data["user"]
            if not isinstance(data__user, (str, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".user must be string or null", value=data__user, name="" + (name_prefix or "data") + ".user", definition={'type': ['string', 'null']}, rule='type')
        if "labels" in data_keys:
            data_keys.remove("labels")
            data__labels = data["labels"]
            if not isinstance(data__labels, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".labels must be object", value=data__labels, name="" + (name_prefix or "data") + ".labels", definition={'type': 'object', 'additionalProperties': {'type': 'string'}}, rule='type')
            data__labels_is_dict = isinstance(data__labels, dict)
            if data__labels_is_dict:
                data__labels_keys = set(data__labels.keys())
                for data__labels_key in data__labels_keys:
                    if data__labels_key not in []:
                        data__labels_value = data__labels.get(data__labels_key)
                        if not isinstance(data__labels_value, (str)):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".labels.{data__labels_key}".format(**locals()) + " must be string", value=data__labels_value, name="" + (name_prefix or "data") + ".labels.{data__labels_key}".format(**locals()) + "", definition={'type': 'string'}, rule='type')
        if "container_labels" in data_keys:
            data_keys.remove("container_labels")
            data__containerlabels = data["container_labels"]
            if not isinstance(data__containerlabels, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".container_labels must be object", value=data__containerlabels, name="" + (name_prefix or "data") + ".container_labels", definition={'type': 'object', 'additionalProperties': {'type': 'string'}}, rule='type')
            data__containerlabels_is_dict = isinstance(data__containerlabels, dict)
            if data__containerlabels_is_dict:
                data__containerlabels_keys = set(data__containerlabels.keys())
                for data__containerlabels_key in data__containerlabels_keys:
                    if data__containerlabels_key not in []:
                        data__containerlabels_value = data__containerlabels.get(data__containerlabels_key)
                        if not isinstance(data__containerlabels_value, (str)):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".container_labels.{data__containerlabels_key}".format(**locals()) + " must be string", value=data__containerlabels_value, name="" + (name_prefix or "data") + ".container_labels.{data__containerlabels_key}".format(**locals()) + "", definition={'type': 'string'}, rule='type')
        if "mode" in data_keys:
            data_keys.remove("mode")
            data__mode = data["mode"]
            if not isinstance(data__mode, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".mode must be string", value=data__mode, name="" + (name_prefix or "data") + ".mode", definition={'type': 'string'}, rule='type')
        if "replicas" in data_keys:
            data_keys.remove("replicas")
            data__replicas = data["replicas"]
            if not isinstance(data__replicas, (int, NoneType)) and not (isinstance(data__replicas, float) and data__replicas.is_integer()) or isinstance(data__replicas, bool):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".replicas must be integer or null", value=data__replicas, name="" + (name_prefix or "data") + ".replicas", definition={'type': ['integer', 'null']}, rule='type')
        if "resources" in data_keys:
            data_keys.remove("resources")
            data__resources = data["resources"]
            if not isinstance(data__resources, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".resources must be object", value=data__resources, name="" + (name_prefix or "data") + ".resources", definition={'type': 'object'}, rule='type')
        if "placement" in data_keys:
            data_keys.remove("placement")
            data__placement = data["placement"]
            if not isinstance(data__placement, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".placement must be object", value=data__placement, name="" + (name_prefix or "data") + ".placement", definition={'type': 'object'}, rule='type')
        if "ports" in data_keys:
            data_keys.remove("ports")
            data__ports = data["ports"]
            if not isinstance(data__ports, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".ports must be array", value=data__ports, name="" + (name_prefix or "data") + ".ports", definition={'type': 'array', 'items': {'type': 'string'}}, rule='type')
            data__ports_is_list = isinstance(data__ports, (list, tuple))
            if data__ports_is_list:
                data__ports_len = len(data__ports)
                for data__ports_x, data__ports_item in enumerate(data__ports):
                    if not isinstance(data__ports_item, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".ports[{data__ports_x}]".format(**locals()) + " must be string", value=data__ports_item, name="" + (name_prefix or "data") + ".ports[{data__ports_x}]".format(**locals()) + "", definition={'type': 'string'}, rule='type')
        if "update_config" in data_keys:
            data_keys.remove("update_config")
            data__updateconfig = data["update_config"]
            if not isinstance(data__updateconfig, (dict, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".update_config must be object or null", value=data__updateconfig, name="" + (name_prefix or "data") + ".update_config", definition={'type': ['object', 'null']}, rule='type')
        if "rollback_config" in data_keys:
            data_keys.remove("rollback_config")
            data__rollbackconfig = data["rollback_config"]
            if not isinstance(data__rollbackconfig, (dict, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".rollback_config must be object or null", value=data__rollbackconfig, name="" + (name_prefix or "data") + ".rollback_config", definition={'type': ['object', 'null']}, rule='type')
        if "restart_policy" in data_keys:
            data_keys.remove("restart_policy")
            data__restartpolicy = data["restart_policy"]
            if not isinstance(data__restartpolicy, (dict, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".restart_policy must be object or null", value=data__restartpolicy, name="" + (name_prefix or "data") + ".restart_policy", definition={'type': ['object', 'null']}, rule='type')
        if "healthcheck" in data_keys:
            data_keys.remove("healthcheck")
            data__healthcheck = data["healthcheck"]
            if not isinstance(data__healthcheck, (dict, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".healthcheck must be object or null", value=data__healthcheck, name="" + (name_prefix or "data") + ".healthcheck", definition={'type': ['object', 'null']}, rule='type')
        if "secrets" in data_keys:
            data_keys.remove("secrets")
            data__secrets = data["secrets"]
            if not isinstance(data__secrets, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".secrets must be array", value=data__secrets, name="" + (name_prefix or "data") + ".secrets", definition={'type': 'array', 'items': {'type': 'string'}}, rule='type')
            data__secrets_is_list = isinstance(data__secrets, (list, tuple))
            if data__secrets_is_list:
                data__secrets_len = len(data__secrets)
                for data__secrets_x, data__secrets_item in enumerate(data__secrets):
                    if not isinstance(data__secrets_item, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".secrets[{data__secrets_x}]".format(**locals()) + " must be string", value=data__secrets_item, name="" + (name_prefix or "data") + ".secrets[{data__secrets_x}]".format(**locals()) + "", definition={'type': 'string'}, rule='type')
        if "configs" in data_keys:
            data_keys.remove("configs")
            data__configs = data["configs"]
            if not isinstance(data__configs, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".configs must be array", value=data__configs, name="" + (name_prefix or "data") + ".configs", definition={'type': 'array', 'items': {'type': 'string'}}, rule='type')
            data__configs_is_list = isinstance(data__configs, (list, tuple))
            if data__configs_is_list:
                data__configs_len = len(data__configs)
                for data__configs_x, data__configs_item in enumerate(data__configs):
                    if not isinstance(data__configs_item, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".configs[{data__configs_x}]".format(**locals()) + " must be string", value=data__configs_item, name="" + (name_prefix or "data") + ".configs[{data__configs_x}]".format(**locals()) + "", definition={'type': 'string'}, rule='type')
        if "update_status" in data_keys:
            data_keys.remove("update_status")
            data__updatestatus = data["update_status"]
            if not isinstance(data__updatestatus, (dict, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".update_status must be object or null", value=data__updatestatus, name="" + (name_prefix or "data") + ".update_status", definition={'type': ['object', 'null'], 'description': "Swarm's UpdateStatus: state (updating, paused, completed, rollback_started, rollback_paused, rollback_completed) and message."}, rule='type')
        if "running" in data_keys:
            data_keys.remove("running")
            data__running = data["running"]
            if not isinstance(data__running, (int)) and not (isinstance(data__running, float) and data__running.is_integer()) or isinstance(data__running, bool):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".running must be integer", value=data__running, name="" + (name_prefix or "data") + ".running", definition={'type': 'integer', 'minimum': 0, 'description': 'Tasks running that should run.'}, rule='type')
            if isinstance(data__running, (int, float, Decimal)) and not isinstance(data__running, bool):
                if data__running < 0:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".running must be bigger than or equal to 0", value=data__running, name="" + (name_prefix or "data") + ".running", definition={'type': 'integer', 'minimum': 0, 'description': 'Tasks running that should run.'}, rule='minimum')
        if "desired" in data_keys:
            data_keys.remove("desired")
            data__desired = data["desired"]
            if not isinstance(data__desired, (int, NoneType)) and not (isinstance(data__desired, float) and data__desired.is_integer()) or isinstance(data__desired, bool):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".desired must be integer or null", value=data__desired, name="" + (name_prefix or "data") + ".desired", definition={'type': ['integer', 'null'], 'description': 'Replicas asked for (replicated), or nodes eligible (global).'}, rule='type')
        if "restarts" in data_keys:
            data_keys.remove("restarts")
            data__restarts = data["restarts"]
            if not isinstance(data__restarts, (int)) and not (isinstance(data__restarts, float) and data__restarts.is_integer()) or isinstance(data__restarts, bool):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".restarts must be integer", value=data__restarts, name="" + (name_prefix or "data") + ".restarts", definition={'type': 'integer', 'minimum': 0, 'description': "Tasks that failed or were rejected, in Swarm's retained task history."}, rule='type')
            if isinstance(data__restarts, (int, float, Decimal)) and not isinstance(data__restarts, bool):
                if data__restarts < 0:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".restarts must be bigger than or equal to 0", value=data__restarts, name="" + (name_prefix or "data") + ".restarts", definition={'type': 'integer', 'minimum': 0, 'description': "Tasks that failed or were rejected, in Swarm's retained task history."}, rule='minimum')
        if "tasks" in data_keys:
            data_keys.remove("tasks")
            data__tasks = data["tasks"]
            if not isinstance(data__tasks, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".tasks must be array", value=data__tasks, name="" + (name_prefix or "data") + ".tasks", definition={'type': 'array', 'items': {'type': 'object', 'additionalProperties': False, 'required': ['id', 'slot', 'node', 'desired_state', 'state', 'error', 'message', 'exit_code', 'image', 'time'], 'properties': {'id': {'type': 'string'}, 'slot': {'type': ['integer', 'null']}, 'node': {'type': ['string', 'null']}, 'desired_state': {'type': 'string'}, 'state': {'type': 'string'}, 'error': {'type': ['string', 'null']}, 'message': {'type': ['string', 'null']}, 'exit_code': {'type': ['integer', 'null']}, 'image': {'type': ['string', 'null']}, 'time': {'type': ['string', 'null']}}}}, rule='type')
            data__tasks_is_list = isinstance(data__tasks, (list, tuple))
            if data__tasks_is_list:
                data__tasks_len = len(data__tasks)
                for data__tasks_x, data__tasks_item in enumerate(data__tasks):
                    validate_https___envsync_dev_schemas_snapshot_json___defs_swarm_task(data__tasks_item, custom_formats, (name_prefix or "data") + ".tasks[{data__tasks_x}]".format(**locals()))
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'additionalProperties': False, 'required': ['name', 'id', 'version', 'image', 'command', 'args', 'env', 'user', 'labels', 'container_labels', 'mode', 'replicas', 'resources', 'placement', 'ports', 'update_config', 'rollback_config', 'restart_policy', 'healthcheck', 'secrets', 'configs', 'update_status', 'running', 'desired', 'restarts', 'tasks'], 'properties': {'name': {'type': 'string'}, 'id': {'type': 'string'}, 'version': {'type': ['integer', 'null']}, 'image': {'type': ['string', 'null'], 'description': 'As the spec holds it: with @sha256 digest when Swarm resolved one.'}, 'command': {'type': ['array', 'null'], 'items': {'type': 'string'}, 'description': "ContainerSpec.Command (compose's entrypoint)."}, 'args': {'type': ['array', 'null'], 'items': {'type': 'string'}, 'description': "ContainerSpec.Args (compose's command)."}, 'env': {'type': 'object', 'additionalProperties': {'type': ['string', 'null']}}, 'user': {'type': ['string', 'null']}, 'labels': {'type': 'object', 'additionalProperties': {'type': 'string'}}, 'container_labels': {'type': 'object', 'additionalProperties': {'type': 'string'}}, 'mode': {'type': 'string'}, 'replicas': {'type': ['integer', 'null']}, 'resources': {'type': 'object'}, 'placement': {'type': 'object'}, 'ports': {'type': 'array', 'items': {'type': 'string'}}, 'update_config': {'type': ['object', 'null']}, 'rollback_config': {'type': ['object', 'null']}, 'restart_policy': {'type': ['object', 'null']}, 'healthcheck': {'type': ['object', 'null']}, 'secrets': {'type': 'array', 'items': {'type': 'string'}}, 'configs': {'type': 'array', 'items': {'type': 'string'}}, 'update_status': {'type': ['object', 'null'], 'description': "Swarm's UpdateStatus: state (updating, paused, completed, rollback_started, rollback_paused, rollback_completed) and message."}, 'running': {'type': 'integer', 'minimum': 0, 'description': 'Tasks running that should run.'}, 'desired': {'type': ['integer', 'null'], 'description': 'Replicas asked for (replicated), or nodes eligible (global).'}, 'restarts': {'type': 'integer', 'minimum': 0, 'description': "Tasks that failed or were rejected, in Swarm's retained task history."}, 'tasks': {'type': 'array', 'items': {'type': 'object', 'additionalProperties': False, 'required': ['id', 'slot', 'node', 'desired_state', 'state', 'error', 'message', 'exit_code', 'image', 'time'], 'properties': {'id': {'type': 'string'}, 'slot': {'type': ['integer', 'null']}, 'node': {'type': ['string', 'null']}, 'desired_state': {'type': 'string'}, 'state': {'type': 'string'}, 'error': {'type': ['string', 'null']}, 'message': {'type': ['string', 'null']}, 'exit_code': {'type': ['integer', 'null']}, 'image': {'type': ['string', 'null']}, 'time': {'type': ['string', 'null']}}}}}}, rule='additionalProperties')
    return data

def validate_https___envsync_dev_schemas_snapshot_json___defs_swarm_task(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'additionalProperties': False, 'required': ['id', 'slot', 'node', 'desired_state', 'state', 'error', 'message', 'exit_code', 'image', 'time'], 'properties': {'id': {'type': 'string'}, 'slot': {'type': ['integer', 'null']}, 'node': {'type': ['string', 'null']}, 'desired_state': {'type': 'string'}, 'state': {'type': 'string'}, 'error': {'type': ['string', 'null']}, 'message': {'type': ['string', 'null']}, 'exit_code': {'type': ['integer', 'null']}, 'image': {'type': ['string', 'null']}, 'time': {'type': ['string', 'null']}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['id', 'slot', 'node', 'desired_state', 'state', 'error', 'message', 'exit_code', 'image', 'time']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'additionalProperties': False, 'required': ['id', 'slot', 'node', 'desired_state', 'state', 'error', 'message', 'exit_code', 'image', 'time'], 'properties': {'id': {'type': 'string'}, 'slot': {'type': ['integer', 'null']}, 'node': {'type': ['string', 'null']}, 'desired_state': {'type': 'string'}, 'state': {'type': 'string'}, 'error': {'type': ['string', 'null']}, 'message': {'type': ['string', 'null']}, 'exit_code': {'type': ['integer', 'null']}, 'image': {'type': ['string', 'null']}, 'time': {'type': ['string', 'null']}}}, rule='required')
        data_keys = set(data.keys())
        if "id" in data_keys:
            data_keys.remove("id")
            data__id = data["id"]
            if not isinstance(data__id, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".id must be string", value=data__id, name="" + (name_prefix or "data") + ".id", definition={'type': 'string'}, rule='type')
        if "slot" in data_keys:
            data_keys.remove("slot")
            data__slot = data["slot"]
            if not isinstance(data__slot, (int, NoneType)) and not (isinstance(data__slot, float) and data__slot.is_integer()) or isinstance(data__slot, bool):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".slot must be integer or null", value=data__slot, name="" + (name_prefix or "data") + ".slot", definition={'type': ['integer', 'null']}, rule='type')
        if "node" in data_keys:
            data_keys.remove("node")
            data__node = data["node"]
            if not isinstance(data__node, (str, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".node must be string or null", value=data__node, name="" + (name_prefix or "data") + ".node", definition={'type': ['string', 'null']}, rule='type')
        if "desired_state" in data_keys:
            data_keys.remove("desired_state")
            data__desiredstate = data["desired_state"]
            if not isinstance(data__desiredstate, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".desired_state must be string", value=data__desiredstate, name="" + (name_prefix or "data") + ".desired_state", definition={'type': 'string'}, rule='type')
        if "state" in data_keys:
            data_keys.remove("state")
            data__state = data["state"]
            if not isinstance(data__state, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".state must be string", value=data__state, name="" + (name_prefix or "data") + ".state", definition={'type': 'string'}, rule='type')
        if "error" in data_keys:
            data_keys.remove("error")
            data__error = data["error"]
            if not isinstance(data__error, (str, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".error must be string or null", value=data__error, name="" + (name_prefix or "data") + ".error", definition={'type': ['string', 'null']}, rule='type')
        if "message" in data_keys:
            data_keys.remove("message")
            data__message = data["message"]
            if not isinstance(data__message, (str, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".message must be string or null", value=data__message, name="" + (name_prefix or "data") + ".message", definition={'type': ['string', 'null']}, rule='type')
        if "exit_code" in data_keys:
            data_keys.remove("exit_code")
            data__exitcode = data["exit_code"]
            if not isinstance(data__exitcode, (int, NoneType)) and not (isinstance(data__exitcode, float) and data__exitcode.is_integer()) or isinstance(data__exitcode, bool):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".exit_code must be integer or null", value=data__exitcode, name="" + (name_prefix or "data") + ".exit_code", definition={'type': ['integer', 'null']}, rule='type')
        if "image" in data_keys:
            data_keys.remove("image")
            data__image = data["image"]
            if not isinstance(data__image, (str, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".image must be string or null", value=data__image, name="" + (name_prefix or "data") + ".image", definition={'type': ['string', 'null']}, rule='type')
        if "time" in data_keys:
            data_keys.remove("time")
            data__time = data["time"]
            if not isinstance(data__time, (str, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".time must be string or null", value=data__time, name="" + (name_prefix or "data") + ".time", definition={'type': ['string', 'null']}, rule='type')
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'additionalProperties': False, 'required': ['id', 'slot', 'node', 'desired_state', 'state', 'error', 'message', 'exit_code', 'image', 'time'], 'properties': {'id': {'type': 'string'}, 'slot': {'type': ['integer', 'null']}, 'node': {'type': ['string', 'null']}, 'desired_state': {'type': 'string'}, 'state': {'type': 'string'}, 'error': {'type': ['string', 'null']}, 'message': {'type': ['string', 'null']}, 'exit_code': {'type': ['integer', 'null']}, 'image': {'type': ['string', 'null']}, 'time': {'type': ['string', 'null']}}}, rule='additionalProperties')
    return data

def validate_https___envsync_dev_schemas_snapshot_json___defs_check_result(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['status'], 'additionalProperties': False, 'properties': {'status': {'enum': ['ok', 'failed', 'error']}, 'http_status': {'type': ['integer', 'null']}, 'latency_ms': {'type': ['number', 'null']}, 'error': {'type': ['string', 'null']}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['status']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['status'], 'additionalProperties': False, 'properties': {'status': {'enum': ['ok', 'failed', 'error']}, 'http_status': {'type': ['integer', 'null']}, 'latency_ms': {'type': ['number', 'null']}, 'error': {'type': ['string', 'null']}}}, rule='required')
        data_keys = set(data.keys())
        if "status" in data_keys:
            data_keys.remove("status")
            data__status = data["status"]
            if not (isinstance(data__status, str) and data__status == 'ok' or isinstance(data__status, str) and data__status == 'failed' or isinstance(data__status, str) and data__status == 'error'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".status must be one of ['ok', 'failed', 'error']", value=data__status, name="" + (name_prefix or "data") + ".status", definition={'enum': ['ok', 'failed', 'error']}, rule='enum')
        if "http_status" in data_keys:
            data_keys.remove("http_status")
            data__httpstatus = data["http_status"]
            if not isinstance(data__httpstatus, (int, NoneType)) and not (isinstance(data__httpstatus, float) and data__httpstatus.is_integer()) or isinstance(data__httpstatus, bool):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".http_status must be integer or null", value=data__httpstatus, name="" + (name_prefix or "data") + ".http_status", definition={'type': ['integer', 'null']}, rule='type')
        if "latency_ms" in data_keys:
            data_keys.remove("latency_ms")
            data__latencyms = data["latency_ms"]
            if not isinstance(data__latencyms, (int, float, Decimal, NoneType)) or isinstance(data__latencyms, bool):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".latency_ms must be number or null", value=data__latencyms, name="" + (name_prefix or "data") + ".latency_ms", definition={'type': ['number', 'null']}, rule='type')
        if "error" in data_keys:
            data_keys.remove("error")
            data__error = data["error"]
            validate_https___envsync_dev_schemas_snapshot_json___defs_nullable_string(data__error, custom_formats, (name_prefix or "data") + ".error")
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['status'], 'additionalProperties': False, 'properties': {'status': {'enum': ['ok', 'failed', 'error']}, 'http_status': {'type': ['integer', 'null']}, 'latency_ms': {'type': ['number', 'null']}, 'error': {'type': ['string', 'null']}}}, rule='additionalProperties')
    return data

def validate_https___envsync_dev_schemas_snapshot_json___defs_nullable_string(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (str, NoneType)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be string or null", value=data, name="" + (name_prefix or "data") + "", definition={'type': ['string', 'null']}, rule='type')
    return data

def validate_https___envsync_dev_schemas_snapshot_json___defs_stats(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'additionalProperties': False, 'properties': {'memory_used_mb': {'type': ['number', 'null']}, 'memory_limit_mb': {'type': ['number', 'null']}, 'cpu_percent': {'type': ['number', 'null']}, 'pids': {'type': ['integer', 'null']}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data_keys = set(data.keys())
        if "memory_used_mb" in data_keys:
            data_keys.remove("memory_used_mb")
            data__memoryusedmb = data["memory_used_mb"]
            if not isinstance(data__memoryusedmb, (int, float, Decimal, NoneType)) or isinstance(data__memoryusedmb, bool):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".memory_used_mb must be number or null", value=data__memoryusedmb, name="" + (name_prefix or "data") + ".memory_used_mb", definition={'type': ['number', 'null']}, rule='type')
        if "memory_limit_mb" in data_keys:
            data_keys.remove("memory_limit_mb")
            data__memorylimitmb = data["memory_limit_mb"]
            if not isinstance(data__memorylimitmb, (int, float, Decimal, NoneType)) or isinstance(data__memorylimitmb, bool):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".memory_limit_mb must be number or null", value=data__memorylimitmb, name="" + (name_prefix or "data") + ".memory_limit_mb", definition={'type': ['number', 'null']}, rule='type')
        if "cpu_percent" in data_keys:
            data_keys.remove("cpu_percent")
            data__cpupercent = data["cpu_percent"]
            if not isinstance(data__cpupercent, (int, float, Decimal, NoneType)) or isinstance(data__cpupercent, bool):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".cpu_percent must be number or null", value=data__cpupercent, name="" + (name_prefix or "data") + ".cpu_percent", definition={'type': ['number', 'null']}, rule='type')
        if "pids" in data_keys:
            data_keys.remove("pids")
            data__pids = data["pids"]
            if not isinstance(data__pids, (int, NoneType)) and not (isinstance(data__pids, float) and data__pids.is_integer()) or isinstance(data__pids, bool):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".pids must be integer or null", value=data__pids, name="" + (name_prefix or "data") + ".pids", definition={'type': ['integer', 'null']}, rule='type')
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'additionalProperties': False, 'properties': {'memory_used_mb': {'type': ['number', 'null']}, 'memory_limit_mb': {'type': ['number', 'null']}, 'cpu_percent': {'type': ['number', 'null']}, 'pids': {'type': ['integer', 'null']}}}, rule='additionalProperties')
    return data

def validate_https___envsync_dev_schemas_snapshot_json___defs_container(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['name', 'service', 'image', 'state'], 'additionalProperties': False, 'properties': {'name': {'type': 'string'}, 'service': {'type': ['string', 'null']}, 'image': {'type': ['string', 'null']}, 'image_id': {'type': ['string', 'null']}, 'state': {'type': ['string', 'null']}, 'health': {'type': ['string', 'null']}, 'restart_count': {'type': 'integer'}, 'started_at': {'type': ['string', 'null']}, 'command': {'description': "null when the image's default.", 'type': ['array', 'null'], 'items': {'type': 'string'}}, 'entrypoint': {'description': "null when the image's default.", 'type': ['array', 'null'], 'items': {'type': 'string'}}, 'env': {'type': 'object', 'additionalProperties': {'type': ['string', 'null']}}, 'ports': {'type': 'array', 'items': {'type': 'string'}}, 'mounts': {'type': 'array', 'items': {'type': 'object', 'required': ['type', 'source', 'target', 'read_only'], 'additionalProperties': False, 'properties': {'type': {'type': ['string', 'null']}, 'source': {'type': ['string', 'null']}, 'target': {'type': ['string', 'null']}, 'read_only': {'type': 'boolean'}}}}, 'labels': {'type': 'object', 'additionalProperties': {'type': ['string', 'null']}}, 'restart_policy': {'type': 'string'}, 'memory_limit_mb': {'type': ['number', 'null']}, 'network_mode': {'type': ['string', 'null']}, 'user': {'type': ['string', 'null']}, 'healthcheck': {'type': ['object', 'null'], 'additionalProperties': False, 'properties': {'test': {'type': ['array', 'string', 'null'], 'items': {'type': 'string'}}, 'interval': {'type': 'string'}, 'timeout': {'type': 'string'}, 'start_period': {'type': 'string'}, 'retries': {'type': 'integer'}}}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['name', 'service', 'image', 'state']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['name', 'service', 'image', 'state'], 'additionalProperties': False, 'properties': {'name': {'type': 'string'}, 'service': {'type': ['string', 'null']}, 'image': {'type': ['string', 'null']}, 'image_id': {'type': ['string', 'null']}, 'state': {'type': ['string', 'null']}, 'health': {'type': ['string', 'null']}, 'restart_count': {'type': 'integer'}, 'started_at': {'type': ['string', 'null']}, 'command': {'description': "null when the image's default.", 'type': ['array', 'null'], 'items': {'type': 'string'}}, 'entrypoint': {'description': "null when the image's default.", 'type': ['array', 'null'], 'items': {'type': 'string'}}, 'env': {'type': 'object', 'additionalProperties': {'type': ['string', 'null']}}, 'ports': {'type': 'array', 'items': {'type': 'string'}}, 'mounts': {'type': 'array', 'items': {'type': 'object', 'required': ['type', 'source', 'target', 'read_only'], 'additionalProperties': False, 'properties': {'type': {'type': ['string', 'null']}, 'source': {'type': ['string', 'null']}, 'target': {'type': ['string', 'null']}, 'read_only': {'type': 'boolean'}}}}, 'labels': {'type': 'object', 'additionalProperties': {'type': ['string', 'null']}}, 'restart_policy': {'type': 'string'}, 'memory_limit_mb': {'type': ['number', 'null']}, 'network_mode': {'type': ['string', 'null']}, 'user': {'type': ['string', 'null']}, 'healthcheck': {'type': ['object', 'null'], 'additionalProperties': False, 'properties': {'test': {'type': ['array', 'string', 'null'], 'items': {'type': 'string'}}, 'interval': {'type': 'string'}, 'timeout': {'type': 'string'}, 'start_period': {'type': 'string'}, 'retries': {'type': 'integer'}}}}}, rule='required')
        data_keys = set(data.keys())
        if "name" in data_keys:
            data_keys.remove("name")
            data__name = data["name"]
            if not isinstance(data__name, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".name must be string", value=data__name, name="" + (name_prefix or "data") + ".name", definition={'type': 'string'}, rule='type')
        if "service" in data_keys:
            data_keys.remove("service")
            data__service = data["service"]
            validate_https___envsync_dev_schemas_snapshot_json___defs_nullable_string(data__service, custom_formats, (name_prefix or "data") + ".service")
        if "image" in data_keys:
            data_keys.remove("image")
            data__image = data["image"]
            validate_https___envsync_dev_schemas_snapshot_json___defs_nullable_string(data__image, custom_formats, (name_prefix or "data") + ".image")
        if "image_id" in data_keys:
            data_keys.remove("image_id")
            data__imageid = data["image_id"]
            validate_https___envsync_dev_schemas_snapshot_json___defs_nullable_string(data__imageid, custom_formats, (name_prefix or "data") + ".image_id")
        if "state" in data_keys:
            data_keys.remove("state")
            data__state = data["state"]
            validate_https___envsync_dev_schemas_snapshot_json___defs_nullable_string(data__state, custom_formats, (name_prefix or "data") + ".state")
        if "health" in data_keys:
            data_keys.remove("health")
            data__health = data["health"]
            validate_https___envsync_dev_schemas_snapshot_json___defs_nullable_string(data__health, custom_formats, (name_prefix or "data") + ".health")
        if "restart_count" in data_keys:
            data_keys.remove("restart_count")
            data__restartcount = data["restart_count"]
            if not isinstance(data__restartcount, (int)) and not (isinstance(data__restartcount, float) and data__restartcount.is_integer()) or isinstance(data__restartcount, bool):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".restart_count must be integer", value=data__restartcount, name="" + (name_prefix or "data") + ".restart_count", definition={'type': 'integer'}, rule='type')
        if "started_at" in data_keys:
            data_keys.remove("started_at")
            data__startedat = data["started_at"]
            validate_https___envsync_dev_schemas_snapshot_json___defs_nullable_string(data__startedat, custom_formats, (name_prefix or "data") + ".started_at")
        if "command" in data_keys:
            data_keys.remove("command")
            data__command = data["command"]
            if not isinstance(data__command, (list, tuple, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".command must be array or null", value=data__command, name="" + (name_prefix or "data") + ".command", definition={'description': "null when the image's default.", 'type': ['array', 'null'], 'items': {'type': 'string'}}, rule='type')
            data__command_is_list = isinstance(data__command, (list, tuple))
            if data__command_is_list:
                data__command_len = len(data__command)
                for data__command_x, data__command_item in enumerate(data__command):
                    if not isinstance(data__command_item, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".command[{data__command_x}]".format(**locals()) + " must be string", value=data__command_item, name="" + (name_prefix or "data") + ".command[{data__command_x}]".format(**locals()) + "", definition={'type': 'string'}, rule='type')
        if "entrypoint" in data_keys:
            data_keys.remove("entrypoint")
            data__entrypoint = data["entrypoint"]
            if not isinstance(data__entrypoint, (list, tuple, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".entrypoint must be array or null", value=data__entrypoint, name="" + (name_prefix or "data") + ".entrypoint", definition={'description': "null when the image's default.", 'type': ['array', 'null'], 'items': {'type': 'string'}}, rule='type')
            data__entrypoint_is_list = isinstance(data__entrypoint, (list, tuple))
            if data__entrypoint_is_list:
                data__entrypoint_len = len(data__entrypoint)
                for data__entrypoint_x, data__entrypoint_item in enumerate(data__entrypoint):
                    if not isinstance(data__entrypoint_item, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".entrypoint[{data__entrypoint_x}]".format(**locals()) + " must be string", value=data__entrypoint_item, name="" + (name_prefix or "data") + ".entrypoint[{data__entrypoint_x}]".format(**locals()) + "", definition={'type': 'string'}, rule='type')
        if "env" in data_keys:
            data_keys.remove("env")
            data__env = data["env"]
            validate_https___envsync_dev_schemas_snapshot_json___defs_string_map(data__env, custom_formats, (name_prefix or "data") + ".env")
        if "ports" in data_keys:
            data_keys.remove("ports")
            data__ports = data["ports"]
            validate_https___envsync_dev_schemas_snapshot_json___defs_string_list(data__ports, custom_formats, (name_prefix or "data") + ".ports")
        if "mounts" in data_keys:
            data_keys.remove("mounts")
            data__mounts = data["mounts"]
            if not isinstance(data__mounts, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".mounts must be array", value=data__mounts, name="" + (name_prefix or "data") + ".mounts", definition={'type': 'array', 'items': {'type': 'object', 'required': ['type', 'source', 'target', 'read_only'], 'additionalProperties': False, 'properties': {'type': {'type': ['string', 'null']}, 'source': {'type': ['string', 'null']}, 'target': {'type': ['string', 'null']}, 'read_only': {'type': 'boolean'}}}}, rule='type')
            data__mounts_is_list = isinstance(data__mounts, (list, tuple))
            if data__mounts_is_list:
                data__mounts_len = len(data__mounts)
                for data__mounts_x, data__mounts_item in enumerate(data__mounts):
                    if not isinstance(data__mounts_item, (dict)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".mounts[{data__mounts_x}]".format(**locals()) + " must be object", value=data__mounts_item, name="" + (name_prefix or "data") + ".mounts[{data__mounts_x}]".format(**locals()) + "", definition={'type': 'object', 'required': ['type', 'source', 'target', 'read_only'], 'additionalProperties': False, 'properties': {'type': {'type': ['string', 'null']}, 'source': {'type': ['string', 'null']}, 'target': {'type': ['string', 'null']}, 'read_only': {'type': 'boolean'}}}, rule='type')
                    data__mounts_item_is_dict = isinstance(data__mounts_item, dict)
                    if data__mounts_item_is_dict:
                        data__mounts_item__missing_keys = set(['type', 'source', 'target', 'read_only']) - data__mounts_item.keys()
                        if data__mounts_item__missing_keys:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".mounts[{data__mounts_x}]".format(**locals()) + " must contain " + (str(sorted(data__mounts_item__missing_keys)) + " properties"), value=data__mounts_item, name="" + (name_prefix or "data") + ".mounts[{data__mounts_x}]".format(**locals()) + "", definition={'type': 'object', 'required': ['type', 'source', 'target', 'read_only'], 'additionalProperties': False, 'properties': {'type': {'type': ['string', 'null']}, 'source': {'type': ['string', 'null']}, 'target': {'type': ['string', 'null']}, 'read_only': {'type': 'boolean'}}}, rule='required')
                        data__mounts_item_keys = set(data__mounts_item.keys())
                        if "type" in data__mounts_item_keys:
                            data__mounts_item_keys.remove("type")
                            data__mounts_item__type = data__mounts_item["type"]
                            validate_https___envsync_dev_schemas_snapshot_json___defs_nullable_string(data__mounts_item__type, custom_formats, (name_prefix or "data") + ".mounts[{data__mounts_x}].type".format(**locals()))
                        if "source" in data__mounts_item_keys:
                            data__mounts_item_keys.remove("source")
                            data__mounts_item__source = data__mounts_item["source"]
                            validate_https___envsync_dev_schemas_snapshot_json___defs_nullable_string(data__mounts_item__source, custom_formats, (name_prefix or "data") + ".mounts[{data__mounts_x}].source".format(**locals()))
                        if "target" in data__mounts_item_keys:
                            data__mounts_item_keys.remove("target")
                            data__mounts_item__target = data__mounts_item["target"]
                            validate_https___envsync_dev_schemas_snapshot_json___defs_nullable_string(data__mounts_item__target, custom_formats, (name_prefix or "data") + ".mounts[{data__mounts_x}].target".format(**locals()))
                        if "read_only" in data__mounts_item_keys:
                            data__mounts_item_keys.remove("read_only")
                            data__mounts_item__readonly = data__mounts_item["read_only"]
                            if not isinstance(data__mounts_item__readonly, (bool)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".mounts[{data__mounts_x}].read_only".format(**locals()) + " must be boolean", value=data__mounts_item__readonly, name="" + (name_prefix or "data") + ".mounts[{data__mounts_x}].read_only".format(**locals()) + "", definition={'type': 'boolean'}, rule='type')
                        if data__mounts_item_keys:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".mounts[{data__mounts_x}]".format(**locals()) + " must not contain "+str(data__mounts_item_keys)+" properties", value=data__mounts_item, name="" + (name_prefix or "data") + ".mounts[{data__mounts_x}]".format(**locals()) + "", definition={'type': 'object', 'required': ['type', 'source', 'target', 'read_only'], 'additionalProperties': False, 'properties': {'type': {'type': ['string', 'null']}, 'source': {'type': ['string', 'null']}, 'target': {'type': ['string', 'null']}, 'read_only': {'type': 'boolean'}}}, rule='additionalProperties')
        if "labels" in data_keys:
            data_keys.remove("labels")
            data__labels = data["labels"]
            validate_https___envsync_dev_schemas_snapshot_json___defs_string_map(data__labels, custom_formats, (name_prefix or "data") + ".labels")
        if "restart_policy" in data_keys:
            data_keys.remove("restart_policy")
            data__restartpolicy = data["restart_policy"]
            if not isinstance(data__restartpolicy, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".restart_policy must be string", value=data__restartpolicy, name="" + (name_prefix or "data") + ".restart_policy", definition={'type': 'string'}, rule='type')
        if "memory_limit_mb" in data_keys:
            data_keys.remove("memory_limit_mb")
            data__memorylimitmb = data["memory_limit_mb"]
            if not isinstance(data__memorylimitmb, (int, float, Decimal, NoneType)) or isinstance(data__memorylimitmb, bool):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".memory_limit_mb must be number or null", value=data__memorylimitmb, name="" + (name_prefix or "data") + ".memory_limit_mb", definition={'type': ['number', 'null']}, rule='type')
        if "network_mode" in data_keys:
            data_keys.remove("network_mode")
            data__networkmode = data["network_mode"]
            validate_https___envsync_dev_schemas_snapshot_json___defs_nullable_string(data__networkmode, custom_formats, (name_prefix or "data") + ".network_mode")
        if "user" in data_keys:
            data_keys.remove("user")
            data__user = data["user"]
            validate_https___envsync_dev_schemas_snapshot_json___defs_nullable_string(data__user, custom_formats, (name_prefix or "data") + ".user")
        if "healthcheck" in data_keys:
            data_keys.remove("healthcheck")
            data__healthcheck = data["healthcheck"]
            if not isinstance(data__healthcheck, (dict, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".healthcheck must be object or null", value=data__healthcheck, name="" + (name_prefix or "data") + ".healthcheck", definition={'type': ['object', 'null'], 'additionalProperties': False, 'properties': {'test': {'type': ['array', 'string', 'null'], 'items': {'type': 'string'}}, 'interval': {'type': 'string'}, 'timeout': {'type': 'string'}, 'start_period': {'type': 'string'}, 'retries': {'type': 'integer'}}}, rule='type')
            data__healthcheck_is_dict = isinstance(data__healthcheck, dict)
            if data__healthcheck_is_dict:
                data__healthcheck_keys = set(data__healthcheck.keys())
                if "test" in data__healthcheck_keys:
                    data__healthcheck_keys.remove("test")
                    data__healthcheck__test = data__healthcheck["test"]
                    if not isinstance(data__healthcheck__test, (list, tuple, str, NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".healthcheck.test must be array or string or null", value=data__healthcheck__test, name="" + (name_prefix or "data") + ".healthcheck.test", definition={'type': ['array', 'string', 'null'], 'items': {'type': 'string'}}, rule='type')
                    data__healthcheck__test_is_list = isinstance(data__healthcheck__test, (list, tuple))
                    if data__healthcheck__test_is_list:
                        data__healthcheck__test_len = len(data__healthcheck__test)
                        for data__healthcheck__test_x, data__healthcheck__test_item in enumerate(data__healthcheck__test):
                            if not isinstance(data__healthcheck__test_item, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".healthcheck.test[{data__healthcheck__test_x}]".format(**locals()) + " must be string", value=data__healthcheck__test_item, name="" + (name_prefix or "data") + ".healthcheck.test[{data__healthcheck__test_x}]".format(**locals()) + "", definition={'type': 'string'}, rule='type')
                if "interval" in data__healthcheck_keys:
                    data__healthcheck_keys.remove("interval")
                    data__healthcheck__interval = data__healthcheck["interval"]
                    if not isinstance(data__healthcheck__interval, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".healthcheck.interval must be string", value=data__healthcheck__interval, name="" + (name_prefix or "data") + ".healthcheck.interval", definition={'type': 'string'}, rule='type')
                if "timeout" in data__healthcheck_keys:
                    data__healthcheck_keys.remove("timeout")
                    data__healthcheck__timeout = data__healthcheck["timeout"]
                    if not isinstance(data__healthcheck__timeout, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".healthcheck.timeout must be string", value=data__healthcheck__timeout, name="" + (name_prefix or "data") + ".healthcheck.timeout", definition={'type': 'string'}, rule='type')
                if "start_period" in data__healthcheck_keys:
                    data__healthcheck_keys.remove("start_period")
                    data__healthcheck__startperiod = data__healthcheck["start_period"]
                    if not isinstance(data__healthcheck__startperiod, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".healthcheck.start_period must be string", value=data__healthcheck__startperiod, name="" + (name_prefix or "data") + ".healthcheck.start_period", definition={'type': 'string'}, rule='type')
                if "retries" in data__healthcheck_keys:
                    data__healthcheck_keys.remove("retries")
                    data__healthcheck__retries = data__healthcheck["retries"]
                    if not isinstance(data__healthcheck__retries, (int)) and not (isinstance(data__healthcheck__retries, float) and data__healthcheck__retries.is_integer()) or isinstance(data__healthcheck__retries, bool):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".healthcheck.retries must be integer", value=data__healthcheck__retries, name="" + (name_prefix or "data") + ".healthcheck.retries", definition={'type': 'integer'}, rule='type')
                if data__healthcheck_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".healthcheck must not contain "+str(data__healthcheck_keys)+" properties", value=data__healthcheck, name="" + (name_prefix or "data") + ".healthcheck", definition={'type': ['object', 'null'], 'additionalProperties': False, 'properties': {'test': {'type': ['array', 'string', 'null'], 'items': {'type': 'string'}}, 'interval': {'type': 'string'}, 'timeout': {'type': 'string'}, 'start_period': {'type': 'string'}, 'retries': {'type': 'integer'}}}, rule='additionalProperties')
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['name', 'service', 'image', 'state'], 'additionalProperties': False, 'properties': {'name': {'type': 'string'}, 'service': {'type': ['string', 'null']}, 'image': {'type': ['string', 'null']}, 'image_id': {'type': ['string', 'null']}, 'state': {'type': ['string', 'null']}, 'health': {'type': ['string', 'null']}, 'restart_count': {'type': 'integer'}, 'started_at': {'type': ['string', 'null']}, 'command': {'description': "null when the image's default.", 'type': ['array', 'null'], 'items': {'type': 'string'}}, 'entrypoint': {'description': "null when the image's default.", 'type': ['array', 'null'], 'items': {'type': 'string'}}, 'env': {'type': 'object', 'additionalProperties': {'type': ['string', 'null']}}, 'ports': {'type': 'array', 'items': {'type': 'string'}}, 'mounts': {'type': 'array', 'items': {'type': 'object', 'required': ['type', 'source', 'target', 'read_only'], 'additionalProperties': False, 'properties': {'type': {'type': ['string', 'null']}, 'source': {'type': ['string', 'null']}, 'target': {'type': ['string', 'null']}, 'read_only': {'type': 'boolean'}}}}, 'labels': {'type': 'object', 'additionalProperties': {'type': ['string', 'null']}}, 'restart_policy': {'type': 'string'}, 'memory_limit_mb': {'type': ['number', 'null']}, 'network_mode': {'type': ['string', 'null']}, 'user': {'type': ['string', 'null']}, 'healthcheck': {'type': ['object', 'null'], 'additionalProperties': False, 'properties': {'test': {'type': ['array', 'string', 'null'], 'items': {'type': 'string'}}, 'interval': {'type': 'string'}, 'timeout': {'type': 'string'}, 'start_period': {'type': 'string'}, 'retries': {'type': 'integer'}}}}}, rule='additionalProperties')
    return data

def validate_https___envsync_dev_schemas_snapshot_json___defs_string_list(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (list, tuple)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be array", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'array', 'items': {'type': 'string'}}, rule='type')
    data_is_list = isinstance(data, (list, tuple))
    if data_is_list:
        data_len = len(data)
        for data_x, data_item in enumerate(data):
            if not isinstance(data_item, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + "[{data_x}]".format(**locals()) + " must be string", value=data_item, name="" + (name_prefix or "data") + "[{data_x}]".format(**locals()) + "", definition={'type': 'string'}, rule='type')
    return data

def validate_https___envsync_dev_schemas_snapshot_json___defs_string_map(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'additionalProperties': {'type': ['string', 'null']}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data_keys = set(data.keys())
        for data_key in data_keys:
            if data_key not in []:
                data_value = data.get(data_key)
                if not isinstance(data_value, (str, NoneType)):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".{data_key}".format(**locals()) + " must be string or null", value=data_value, name="" + (name_prefix or "data") + ".{data_key}".format(**locals()) + "", definition={'type': ['string', 'null']}, rule='type')
    return data

def validate_https___envsync_dev_schemas_snapshot_json___defs_compose(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict, NoneType)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object or null", value=data, name="" + (name_prefix or "data") + "", definition={'type': ['object', 'null'], 'required': ['project', 'files', 'declared'], 'additionalProperties': False, 'properties': {'project': {'type': ['string', 'null']}, 'files': {'type': 'array', 'items': {'type': 'object', 'required': ['path'], 'additionalProperties': False, 'properties': {'path': {'type': 'string'}, 'sha256': {'type': ['string', 'null']}}}}, 'env_file': {'type': ['string', 'null']}, 'declared': {'type': 'object', 'properties': {'name': {'type': 'string'}, 'services': {'type': 'object', 'additionalProperties': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/compose_service'}}, 'networks': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}, 'volumes': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}, 'secrets': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}, 'configs': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}}}, 'committed': {'type': ['object', 'null'], 'properties': {'name': {'type': 'string'}, 'services': {'type': 'object', 'additionalProperties': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/compose_service'}}, 'networks': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}, 'volumes': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}, 'secrets': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}, 'configs': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}}}, 'hashes': {'type': 'object', 'additionalProperties': {'type': 'string'}}, 'committed_hashes': {'type': ['object', 'null'], 'additionalProperties': {'type': 'string'}}, 'unversioned': {'type': 'array', 'items': {'type': 'string'}}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['project', 'files', 'declared']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'type': ['object', 'null'], 'required': ['project', 'files', 'declared'], 'additionalProperties': False, 'properties': {'project': {'type': ['string', 'null']}, 'files': {'type': 'array', 'items': {'type': 'object', 'required': ['path'], 'additionalProperties': False, 'properties': {'path': {'type': 'string'}, 'sha256': {'type': ['string', 'null']}}}}, 'env_file': {'type': ['string', 'null']}, 'declared': {'type': 'object', 'properties': {'name': {'type': 'string'}, 'services': {'type': 'object', 'additionalProperties': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/compose_service'}}, 'networks': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}, 'volumes': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}, 'secrets': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}, 'configs': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}}}, 'committed': {'type': ['object', 'null'], 'properties': {'name': {'type': 'string'}, 'services': {'type': 'object', 'additionalProperties': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/compose_service'}}, 'networks': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}, 'volumes': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}, 'secrets': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}, 'configs': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}}}, 'hashes': {'type': 'object', 'additionalProperties': {'type': 'string'}}, 'committed_hashes': {'type': ['object', 'null'], 'additionalProperties': {'type': 'string'}}, 'unversioned': {'type': 'array', 'items': {'type': 'string'}}}}, rule='required')
        data_keys = set(data.keys())
        if "project" in data_keys:
            data_keys.remove("project")
            data__project = data["project"]
            validate_https___envsync_dev_schemas_snapshot_json___defs_nullable_string(data__project, custom_formats, (name_prefix or "data") + ".project")
        if "files" in data_keys:
            data_keys.remove("files")
            data__files = data["files"]
            if not isinstance(data__files, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".files must be array", value=data__files, name="" + (name_prefix or "data") + ".files", definition={'type': 'array', 'items': {'type': 'object', 'required': ['path'], 'additionalProperties': False, 'properties': {'path': {'type': 'string'}, 'sha256': {'type': ['string', 'null']}}}}, rule='type')
            data__files_is_list = isinstance(data__files, (list, tuple))
            if data__files_is_list:
                data__files_len = len(data__files)
                for data__files_x, data__files_item in enumerate(data__files):
                    if not isinstance(data__files_item, (dict)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".files[{data__files_x}]".format(**locals()) + " must be object", value=data__files_item, name="" + (name_prefix or "data") + ".files[{data__files_x}]".format(**locals()) + "", definition={'type': 'object', 'required': ['path'], 'additionalProperties': False, 'properties': {'path': {'type': 'string'}, 'sha256': {'type': ['string', 'null']}}}, rule='type')
                    data__files_item_is_dict = isinstance(data__files_item, dict)
                    if data__files_item_is_dict:
                        data__files_item__missing_keys = set(['path']) - data__files_item.keys()
                        if data__files_item__missing_keys:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".files[{data__files_x}]".format(**locals()) + " must contain " + (str(sorted(data__files_item__missing_keys)) + " properties"), value=data__files_item, name="" + (name_prefix or "data") + ".files[{data__files_x}]".format(**locals()) + "", definition={'type': 'object', 'required': ['path'], 'additionalProperties': False, 'properties': {'path': {'type': 'string'}, 'sha256': {'type': ['string', 'null']}}}, rule='required')
                        data__files_item_keys = set(data__files_item.keys())
                        if "path" in data__files_item_keys:
                            data__files_item_keys.remove("path")
                            data__files_item__path = data__files_item["path"]
                            if not isinstance(data__files_item__path, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".files[{data__files_x}].path".format(**locals()) + " must be string", value=data__files_item__path, name="" + (name_prefix or "data") + ".files[{data__files_x}].path".format(**locals()) + "", definition={'type': 'string'}, rule='type')
                        if "sha256" in data__files_item_keys:
                            data__files_item_keys.remove("sha256")
                            data__files_item__sha256 = data__files_item["sha256"]
                            validate_https___envsync_dev_schemas_snapshot_json___defs_nullable_string(data__files_item__sha256, custom_formats, (name_prefix or "data") + ".files[{data__files_x}].sha256".format(**locals()))
                        if data__files_item_keys:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".files[{data__files_x}]".format(**locals()) + " must not contain "+str(data__files_item_keys)+" properties", value=data__files_item, name="" + (name_prefix or "data") + ".files[{data__files_x}]".format(**locals()) + "", definition={'type': 'object', 'required': ['path'], 'additionalProperties': False, 'properties': {'path': {'type': 'string'}, 'sha256': {'type': ['string', 'null']}}}, rule='additionalProperties')
        if "env_file" in data_keys:
            data_keys.remove("env_file")
            data__envfile = data["env_file"]
            validate_https___envsync_dev_schemas_snapshot_json___defs_nullable_string(data__envfile, custom_formats, (name_prefix or "data") + ".env_file")
        if "declared" in data_keys:
            data_keys.remove("declared")
            data__declared = data["declared"]
            validate_https___envsync_dev_schemas_snapshot_json___defs_compose_model(data__declared, custom_formats, (name_prefix or "data") + ".declared")
        if "committed" in data_keys:
            data_keys.remove("committed")
            data__committed = data["committed"]
            validate_https___envsync_dev_schemas_snapshot_json___defs_compose_model_or_null(data__committed, custom_formats, (name_prefix or "data") + ".committed")
        if "hashes" in data_keys:
            data_keys.remove("hashes")
            data__hashes = data["hashes"]
            validate_https___envsync_dev_schemas_snapshot_json___defs_hash_map(data__hashes, custom_formats, (name_prefix or "data") + ".hashes")
        if "committed_hashes" in data_keys:
            data_keys.remove("committed_hashes")
            data__committedhashes = data["committed_hashes"]
            if not isinstance(data__committedhashes, (dict, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".committed_hashes must be object or null", value=data__committedhashes, name="" + (name_prefix or "data") + ".committed_hashes", definition={'type': ['object', 'null'], 'additionalProperties': {'type': 'string'}}, rule='type')
            data__committedhashes_is_dict = isinstance(data__committedhashes, dict)
            if data__committedhashes_is_dict:
                data__committedhashes_keys = set(data__committedhashes.keys())
                for data__committedhashes_key in data__committedhashes_keys:
                    if data__committedhashes_key not in []:
                        data__committedhashes_value = data__committedhashes.get(data__committedhashes_key)
                        if not isinstance(data__committedhashes_value, (str)):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".committed_hashes.{data__committedhashes_key}".format(**locals()) + " must be string", value=data__committedhashes_value, name="" + (name_prefix or "data") + ".committed_hashes.{data__committedhashes_key}".format(**locals()) + "", definition={'type': 'string'}, rule='type')
        if "unversioned" in data_keys:
            data_keys.remove("unversioned")
            data__unversioned = data["unversioned"]
            validate_https___envsync_dev_schemas_snapshot_json___defs_string_list(data__unversioned, custom_formats, (name_prefix or "data") + ".unversioned")
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'type': ['object', 'null'], 'required': ['project', 'files', 'declared'], 'additionalProperties': False, 'properties': {'project': {'type': ['string', 'null']}, 'files': {'type': 'array', 'items': {'type': 'object', 'required': ['path'], 'additionalProperties': False, 'properties': {'path': {'type': 'string'}, 'sha256': {'type': ['string', 'null']}}}}, 'env_file': {'type': ['string', 'null']}, 'declared': {'type': 'object', 'properties': {'name': {'type': 'string'}, 'services': {'type': 'object', 'additionalProperties': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/compose_service'}}, 'networks': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}, 'volumes': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}, 'secrets': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}, 'configs': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}}}, 'committed': {'type': ['object', 'null'], 'properties': {'name': {'type': 'string'}, 'services': {'type': 'object', 'additionalProperties': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/compose_service'}}, 'networks': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}, 'volumes': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}, 'secrets': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}, 'configs': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}}}, 'hashes': {'type': 'object', 'additionalProperties': {'type': 'string'}}, 'committed_hashes': {'type': ['object', 'null'], 'additionalProperties': {'type': 'string'}}, 'unversioned': {'type': 'array', 'items': {'type': 'string'}}}}, rule='additionalProperties')
    return data

def validate_https___envsync_dev_schemas_snapshot_json___defs_hash_map(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'additionalProperties': {'type': 'string'}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data_keys = set(data.keys())
        for data_key in data_keys:
            if data_key not in []:
                data_value = data.get(data_key)
                if not isinstance(data_value, (str)):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".{data_key}".format(**locals()) + " must be string", value=data_value, name="" + (name_prefix or "data") + ".{data_key}".format(**locals()) + "", definition={'type': 'string'}, rule='type')
    return data

def validate_https___envsync_dev_schemas_snapshot_json___defs_compose_model_or_null(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict, NoneType)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object or null", value=data, name="" + (name_prefix or "data") + "", definition={'type': ['object', 'null'], 'properties': {'name': {'type': 'string'}, 'services': {'type': 'object', 'additionalProperties': {'description': "One service of compose's resolved model: the fields envsync reads are typed, the rest is compose's.", 'type': 'object', 'properties': {'image': {'type': ['string', 'null']}, 'command': {'type': ['array', 'string', 'null']}, 'entrypoint': {'type': ['array', 'string', 'null']}, 'environment': {'type': ['object', 'null']}, 'env_file': {'type': ['array', 'string', 'object', 'null']}, 'ports': {'type': ['array', 'null']}, 'volumes': {'type': ['array', 'null']}, 'labels': {'type': ['object', 'null']}, 'networks': {'type': ['object', 'array', 'null']}, 'network_mode': {'type': ['string', 'null']}, 'healthcheck': {'type': ['object', 'null']}, 'build': {'type': ['object', 'string', 'null']}, 'deploy': {'type': ['object', 'null'], 'properties': {'resources': {'type': ['object', 'null'], 'properties': {'limits': {'type': ['object', 'null']}, 'reservations': {'type': ['object', 'null']}}}}}}}}, 'networks': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}, 'volumes': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}, 'secrets': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}, 'configs': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data_keys = set(data.keys())
        if "name" in data_keys:
            data_keys.remove("name")
            data__name = data["name"]
            if not isinstance(data__name, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".name must be string", value=data__name, name="" + (name_prefix or "data") + ".name", definition={'type': 'string'}, rule='type')
        if "services" in data_keys:
            data_keys.remove("services")
            data__services = data["services"]
            if not isinstance(data__services, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".services must be object", value=data__services, name="" + (name_prefix or "data") + ".services", definition={'type': 'object', 'additionalProperties': {'description': "One service of compose's resolved model: the fields envsync reads are typed, the rest is compose's.", 'type': 'object', 'properties': {'image': {'type': ['string', 'null']}, 'command': {'type': ['array', 'string', 'null']}, 'entrypoint': {'type': ['array', 'string', 'null']}, 'environment': {'type': ['object', 'null']}, 'env_file': {'type': ['array', 'string', 'object', 'null']}, 'ports': {'type': ['array', 'null']}, 'volumes': {'type': ['array', 'null']}, 'labels': {'type': ['object', 'null']}, 'networks': {'type': ['object', 'array', 'null']}, 'network_mode': {'type': ['string', 'null']}, 'healthcheck': {'type': ['object', 'null']}, 'build': {'type': ['object', 'string', 'null']}, 'deploy': {'type': ['object', 'null'], 'properties': {'resources': {'type': ['object', 'null'], 'properties': {'limits': {'type': ['object', 'null']}, 'reservations': {'type': ['object', 'null']}}}}}}}}, rule='type')
            data__services_is_dict = isinstance(data__services, dict)
            if data__services_is_dict:
                data__services_keys = set(data__services.keys())
                for data__services_key in data__services_keys:
                    if data__services_key not in []:
                        data__services_value = data__services.get(data__services_key)
                        validate_https___envsync_dev_schemas_snapshot_json___defs_compose_service(data__services_value, custom_formats, (name_prefix or "data") + ".services.{data__services_key}".format(**locals()))
        if "networks" in data_keys:
            data_keys.remove("networks")
            data__networks = data["networks"]
            if not isinstance(data__networks, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".networks must be object", value=data__networks, name="" + (name_prefix or "data") + ".networks", definition={'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}, rule='type')
            data__networks_is_dict = isinstance(data__networks, dict)
            if data__networks_is_dict:
                data__networks_keys = set(data__networks.keys())
                for data__networks_key in data__networks_keys:
                    if data__networks_key not in []:
                        data__networks_value = data__networks.get(data__networks_key)
                        if not isinstance(data__networks_value, (dict, NoneType)):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".networks.{data__networks_key}".format(**locals()) + " must be object or null", value=data__networks_value, name="" + (name_prefix or "data") + ".networks.{data__networks_key}".format(**locals()) + "", definition={'type': ['object', 'null']}, rule='type')
        if "volumes" in data_keys:
            data_keys.remove("volumes")
            data__volumes = data["volumes"]
            if not isinstance(data__volumes, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".volumes must be object", value=data__volumes, name="" + (name_prefix or "data") + ".volumes", definition={'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}, rule='type')
            data__volumes_is_dict = isinstance(data__volumes, dict)
            if data__volumes_is_dict:
                data__volumes_keys = set(data__volumes.keys())
                for data__volumes_key in data__volumes_keys:
                    if data__volumes_key not in []:
                        data__volumes_value = data__volumes.get(data__volumes_key)
                        if not isinstance(data__volumes_value, (dict, NoneType)):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".volumes.{data__volumes_key}".format(**locals()) + " must be object or null", value=data__volumes_value, name="" + (name_prefix or "data") + ".volumes.{data__volumes_key}".format(**locals()) + "", definition={'type': ['object', 'null']}, rule='type')
        if "secrets" in data_keys:
            data_keys.remove("secrets")
            data__secrets = data["secrets"]
            if not isinstance(data__secrets, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".secrets must be object", value=data__secrets, name="" + (name_prefix or "data") + ".secrets", definition={'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}, rule='type')
            data__secrets_is_dict = isinstance(data__secrets, dict)
            if data__secrets_is_dict:
                data__secrets_keys = set(data__secrets.keys())
                for data__secrets_key in data__secrets_keys:
                    if data__secrets_key not in []:
                        data__secrets_value = data__secrets.get(data__secrets_key)
                        if not isinstance(data__secrets_value, (dict, NoneType)):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".secrets.{data__secrets_key}".format(**locals()) + " must be object or null", value=data__secrets_value, name="" + (name_prefix or "data") + ".secrets.{data__secrets_key}".format(**locals()) + "", definition={'type': ['object', 'null']}, rule='type')
        if "configs" in data_keys:
            data_keys.remove("configs")
            data__configs = data["configs"]
            if not isinstance(data__configs, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".configs must be object", value=data__configs, name="" + (name_prefix or "data") + ".configs", definition={'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}, rule='type')
            data__configs_is_dict = isinstance(data__configs, dict)
            if data__configs_is_dict:
                data__configs_keys = set(data__configs.keys())
                for data__configs_key in data__configs_keys:
                    if data__configs_key not in []:
                        data__configs_value = data__configs.get(data__configs_key)
                        if not isinstance(data__configs_value, (dict, NoneType)):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".configs.{data__configs_key}".format(**locals()) + " must be object or null", value=data__configs_value, name="" + (name_prefix or "data") + ".configs.{data__configs_key}".format(**locals()) + "", definition={'type': ['object', 'null']}, rule='type')
    return data

def validate_https___envsync_dev_schemas_snapshot_json___defs_compose_service(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'description': "One service of compose's resolved model: the fields envsync reads are typed, the rest is compose's.", 'type': 'object', 'properties': {'image': {'type': ['string', 'null']}, 'command': {'type': ['array', 'string', 'null']}, 'entrypoint': {'type': ['array', 'string', 'null']}, 'environment': {'type': ['object', 'null']}, 'env_file': {'type': ['array', 'string', 'object', 'null']}, 'ports': {'type': ['array', 'null']}, 'volumes': {'type': ['array', 'null']}, 'labels': {'type': ['object', 'null']}, 'networks': {'type': ['object', 'array', 'null']}, 'network_mode': {'type': ['string', 'null']}, 'healthcheck': {'type': ['object', 'null']}, 'build': {'type': ['object', 'string', 'null']}, 'deploy': {'type': ['object', 'null'], 'properties': {'resources': {'type': ['object', 'null'], 'properties': {'limits': {'type': ['object', 'null']}, 'reservations': {'type': ['object', 'null']}}}}}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data_keys = set(data.keys())
        if "image" in data_keys:
            data_keys.remove("image")
            data__image = data["image"]
            if not isinstance(data__image, (str, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".image must be string or null", value=data__image, name="" + (name_prefix or "data") + ".image", definition={'type': ['string', 'null']}, rule='type')
        if "command" in data_keys:
            data_keys.remove("command")
            data__command = data["command"]
            if not isinstance(data__command, (list, tuple, str, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".command must be array or string or null", value=data__command, name="" + (name_prefix or "data") + ".command", definition={'type': ['array', 'string', 'null']}, rule='type')
        if "entrypoint" in data_keys:
            data_keys.remove("entrypoint")
            data__entrypoint = data["entrypoint"]
            if not isinstance(data__entrypoint, (list, tuple, str, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".entrypoint must be array or string or null", value=data__entrypoint, name="" + (name_prefix or "data") + ".entrypoint", definition={'type': ['array', 'string', 'null']}, rule='type')
        if "environment" in data_keys:
            data_keys.remove("environment")
            data__environment = data["environment"]
            if not isinstance(data__environment, (dict, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".environment must be object or null", value=data__environment, name="" + (name_prefix or "data") + ".environment", definition={'type': ['object', 'null']}, rule='type')
        if "env_file" in data_keys:
            data_keys.remove("env_file")
            data__envfile = data["env_file"]
            if not isinstance(data__envfile, (list, tuple, str, dict, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".env_file must be array or string or object or null", value=data__envfile, name="" + (name_prefix or "data") + ".env_file", definition={'type': ['array', 'string', 'object', 'null']}, rule='type')
        if "ports" in data_keys:
            data_keys.remove("ports")
            data__ports = data["ports"]
            if not isinstance(data__ports, (list, tuple, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".ports must be array or null", value=data__ports, name="" + (name_prefix or "data") + ".ports", definition={'type': ['array', 'null']}, rule='type')
        if "volumes" in data_keys:
            data_keys.remove("volumes")
            data__volumes = data["volumes"]
            if not isinstance(data__volumes, (list, tuple, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".volumes must be array or null", value=data__volumes, name="" + (name_prefix or "data") + ".volumes", definition={'type': ['array', 'null']}, rule='type')
        if "labels" in data_keys:
            data_keys.remove("labels")
            data__labels = data["labels"]
            if not isinstance(data__labels, (dict, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".labels must be object or null", value=data__labels, name="" + (name_prefix or "data") + ".labels", definition={'type': ['object', 'null']}, rule='type')
        if "networks" in data_keys:
            data_keys.remove("networks")
            data__networks = data["networks"]
            if not isinstance(data__networks, (dict, list, tuple, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".networks must be object or array or null", value=data__networks, name="" + (name_prefix or "data") + ".networks", definition={'type': ['object', 'array', 'null']}, rule='type')
        if "network_mode" in data_keys:
            data_keys.remove("network_mode")
            data__networkmode = data["network_mode"]
            if not isinstance(data__networkmode, (str, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".network_mode must be string or null", value=data__networkmode, name="" + (name_prefix or "data") + ".network_mode", definition={'type': ['string', 'null']}, rule='type')
        if "healthcheck" in data_keys:
            data_keys.remove("healthcheck")
            data__healthcheck = data["healthcheck"]
            if not isinstance(data__healthcheck, (dict, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".healthcheck must be object or null", value=data__healthcheck, name="" + (name_prefix or "data") + ".healthcheck", definition={'type': ['object', 'null']}, rule='type')
        if "build" in data_keys:
            data_keys.remove("build")
            data__build = data["build"]
            if not isinstance(data__build, (dict, str, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".build must be object or string or null", value=data__build, name="" + (name_prefix or "data") + ".build", definition={'type': ['object', 'string', 'null']}, rule='type')
        if "deploy" in data_keys:
            data_keys.remove("deploy")
            data__deploy = data["deploy"]
            if not isinstance(data__deploy, (dict, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".deploy must be object or null", value=data__deploy, name="" + (name_prefix or "data") + ".deploy", definition={'type': ['object', 'null'], 'properties': {'resources': {'type': ['object', 'null'], 'properties': {'limits': {'type': ['object', 'null']}, 'reservations': {'type': ['object', 'null']}}}}}, rule='type')
            data__deploy_is_dict = isinstance(data__deploy, dict)
            if data__deploy_is_dict:
                data__deploy_keys = set(data__deploy.keys())
                if "resources" in data__deploy_keys:
                    data__deploy_keys.remove("resources")
                    data__deploy__resources = data__deploy["resources"]
                    if not isinstance(data__deploy__resources, (dict, NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".deploy.resources must be object or null", value=data__deploy__resources, name="" + (name_prefix or "data") + ".deploy.resources", definition={'type': ['object', 'null'], 'properties': {'limits': {'type': ['object', 'null']}, 'reservations': {'type': ['object', 'null']}}}, rule='type')
                    data__deploy__resources_is_dict = isinstance(data__deploy__resources, dict)
                    if data__deploy__resources_is_dict:
                        data__deploy__resources_keys = set(data__deploy__resources.keys())
                        if "limits" in data__deploy__resources_keys:
                            data__deploy__resources_keys.remove("limits")
                            data__deploy__resources__limits = data__deploy__resources["limits"]
                            if not isinstance(data__deploy__resources__limits, (dict, NoneType)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".deploy.resources.limits must be object or null", value=data__deploy__resources__limits, name="" + (name_prefix or "data") + ".deploy.resources.limits", definition={'type': ['object', 'null']}, rule='type')
                        if "reservations" in data__deploy__resources_keys:
                            data__deploy__resources_keys.remove("reservations")
                            data__deploy__resources__reservations = data__deploy__resources["reservations"]
                            if not isinstance(data__deploy__resources__reservations, (dict, NoneType)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".deploy.resources.reservations must be object or null", value=data__deploy__resources__reservations, name="" + (name_prefix or "data") + ".deploy.resources.reservations", definition={'type': ['object', 'null']}, rule='type')
    return data

def validate_https___envsync_dev_schemas_snapshot_json___defs_compose_model(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'properties': {'name': {'type': 'string'}, 'services': {'type': 'object', 'additionalProperties': {'description': "One service of compose's resolved model: the fields envsync reads are typed, the rest is compose's.", 'type': 'object', 'properties': {'image': {'type': ['string', 'null']}, 'command': {'type': ['array', 'string', 'null']}, 'entrypoint': {'type': ['array', 'string', 'null']}, 'environment': {'type': ['object', 'null']}, 'env_file': {'type': ['array', 'string', 'object', 'null']}, 'ports': {'type': ['array', 'null']}, 'volumes': {'type': ['array', 'null']}, 'labels': {'type': ['object', 'null']}, 'networks': {'type': ['object', 'array', 'null']}, 'network_mode': {'type': ['string', 'null']}, 'healthcheck': {'type': ['object', 'null']}, 'build': {'type': ['object', 'string', 'null']}, 'deploy': {'type': ['object', 'null'], 'properties': {'resources': {'type': ['object', 'null'], 'properties': {'limits': {'type': ['object', 'null']}, 'reservations': {'type': ['object', 'null']}}}}}}}}, 'networks': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}, 'volumes': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}, 'secrets': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}, 'configs': {'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data_keys = set(data.keys())
        if "name" in data_keys:
            data_keys.remove("name")
            data__name = data["name"]
            if not isinstance(data__name, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".name must be string", value=data__name, name="" + (name_prefix or "data") + ".name", definition={'type': 'string'}, rule='type')
        if "services" in data_keys:
            data_keys.remove("services")
            data__services = data["services"]
            if not isinstance(data__services, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".services must be object", value=data__services, name="" + (name_prefix or "data") + ".services", definition={'type': 'object', 'additionalProperties': {'description': "One service of compose's resolved model: the fields envsync reads are typed, the rest is compose's.", 'type': 'object', 'properties': {'image': {'type': ['string', 'null']}, 'command': {'type': ['array', 'string', 'null']}, 'entrypoint': {'type': ['array', 'string', 'null']}, 'environment': {'type': ['object', 'null']}, 'env_file': {'type': ['array', 'string', 'object', 'null']}, 'ports': {'type': ['array', 'null']}, 'volumes': {'type': ['array', 'null']}, 'labels': {'type': ['object', 'null']}, 'networks': {'type': ['object', 'array', 'null']}, 'network_mode': {'type': ['string', 'null']}, 'healthcheck': {'type': ['object', 'null']}, 'build': {'type': ['object', 'string', 'null']}, 'deploy': {'type': ['object', 'null'], 'properties': {'resources': {'type': ['object', 'null'], 'properties': {'limits': {'type': ['object', 'null']}, 'reservations': {'type': ['object', 'null']}}}}}}}}, rule='type')
            data__services_is_dict = isinstance(data__services, dict)
            if data__services_is_dict:
                data__services_keys = set(data__services.keys())
                for data__services_key in data__services_keys:
                    if data__services_key not in []:
                        data__services_value = data__services.get(data__services_key)
                        validate_https___envsync_dev_schemas_snapshot_json___defs_compose_service(data__services_value, custom_formats, (name_prefix or "data") + ".services.{data__services_key}".format(**locals()))
        if "networks" in data_keys:
            data_keys.remove("networks")
            data__networks = data["networks"]
            if not isinstance(data__networks, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".networks must be object", value=data__networks, name="" + (name_prefix or "data") + ".networks", definition={'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}, rule='type')
            data__networks_is_dict = isinstance(data__networks, dict)
            if data__networks_is_dict:
                data__networks_keys = set(data__networks.keys())
                for data__networks_key in data__networks_keys:
                    if data__networks_key not in []:
                        data__networks_value = data__networks.get(data__networks_key)
                        if not isinstance(data__networks_value, (dict, NoneType)):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".networks.{data__networks_key}".format(**locals()) + " must be object or null", value=data__networks_value, name="" + (name_prefix or "data") + ".networks.{data__networks_key}".format(**locals()) + "", definition={'type': ['object', 'null']}, rule='type')
        if "volumes" in data_keys:
            data_keys.remove("volumes")
            data__volumes = data["volumes"]
            if not isinstance(data__volumes, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".volumes must be object", value=data__volumes, name="" + (name_prefix or "data") + ".volumes", definition={'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}, rule='type')
            data__volumes_is_dict = isinstance(data__volumes, dict)
            if data__volumes_is_dict:
                data__volumes_keys = set(data__volumes.keys())
                for data__volumes_key in data__volumes_keys:
                    if data__volumes_key not in []:
                        data__volumes_value = data__volumes.get(data__volumes_key)
                        if not isinstance(data__volumes_value, (dict, NoneType)):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".volumes.{data__volumes_key}".format(**locals()) + " must be object or null", value=data__volumes_value, name="" + (name_prefix or "data") + ".volumes.{data__volumes_key}".format(**locals()) + "", definition={'type': ['object', 'null']}, rule='type')
        if "secrets" in data_keys:
            data_keys.remove("secrets")
            data__secrets = data["secrets"]
            if not isinstance(data__secrets, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".secrets must be object", value=data__secrets, name="" + (name_prefix or "data") + ".secrets", definition={'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}, rule='type')
            data__secrets_is_dict = isinstance(data__secrets, dict)
            if data__secrets_is_dict:
                data__secrets_keys = set(data__secrets.keys())
                for data__secrets_key in data__secrets_keys:
                    if data__secrets_key not in []:
                        data__secrets_value = data__secrets.get(data__secrets_key)
                        if not isinstance(data__secrets_value, (dict, NoneType)):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".secrets.{data__secrets_key}".format(**locals()) + " must be object or null", value=data__secrets_value, name="" + (name_prefix or "data") + ".secrets.{data__secrets_key}".format(**locals()) + "", definition={'type': ['object', 'null']}, rule='type')
        if "configs" in data_keys:
            data_keys.remove("configs")
            data__configs = data["configs"]
            if not isinstance(data__configs, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".configs must be object", value=data__configs, name="" + (name_prefix or "data") + ".configs", definition={'type': 'object', 'additionalProperties': {'type': ['object', 'null']}}, rule='type')
            data__configs_is_dict = isinstance(data__configs, dict)
            if data__configs_is_dict:
                data__configs_keys = set(data__configs.keys())
                for data__configs_key in data__configs_keys:
                    if data__configs_key not in []:
                        data__configs_value = data__configs.get(data__configs_key)
                        if not isinstance(data__configs_value, (dict, NoneType)):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".configs.{data__configs_key}".format(**locals()) + " must be object or null", value=data__configs_value, name="" + (name_prefix or "data") + ".configs.{data__configs_key}".format(**locals()) + "", definition={'type': ['object', 'null']}, rule='type')
    return data

def validate_https___envsync_dev_schemas_snapshot_json___defs_git(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['path', 'head', 'dirty', 'untracked'], 'additionalProperties': False, 'properties': {'path': {'type': 'string'}, 'remote': {'type': 'string'}, 'url': {'type': 'string'}, 'branch': {'type': ['string', 'null']}, 'head': {'type': ['string', 'null']}, 'describe': {'type': ['string', 'null']}, 'tags': {'type': 'array', 'items': {'type': 'string'}}, 'subject': {'type': ['string', 'null']}, 'upstream': {'type': ['object', 'null'], 'required': ['ref'], 'additionalProperties': False, 'properties': {'ref': {'type': 'string'}, 'ahead': {'type': ['integer', 'null']}, 'behind': {'type': ['integer', 'null']}}}, 'dirty': {'type': 'array', 'items': {'type': 'object', 'required': ['path', 'status'], 'additionalProperties': False, 'properties': {'path': {'type': 'string'}, 'status': {'type': 'string'}, 'sha256': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}}}}, 'untracked': {'type': 'array', 'items': {'type': 'object', 'required': ['path', 'status'], 'additionalProperties': False, 'properties': {'path': {'type': 'string'}, 'status': {'type': 'string'}, 'sha256': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}}}}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['path', 'head', 'dirty', 'untracked']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['path', 'head', 'dirty', 'untracked'], 'additionalProperties': False, 'properties': {'path': {'type': 'string'}, 'remote': {'type': 'string'}, 'url': {'type': 'string'}, 'branch': {'type': ['string', 'null']}, 'head': {'type': ['string', 'null']}, 'describe': {'type': ['string', 'null']}, 'tags': {'type': 'array', 'items': {'type': 'string'}}, 'subject': {'type': ['string', 'null']}, 'upstream': {'type': ['object', 'null'], 'required': ['ref'], 'additionalProperties': False, 'properties': {'ref': {'type': 'string'}, 'ahead': {'type': ['integer', 'null']}, 'behind': {'type': ['integer', 'null']}}}, 'dirty': {'type': 'array', 'items': {'type': 'object', 'required': ['path', 'status'], 'additionalProperties': False, 'properties': {'path': {'type': 'string'}, 'status': {'type': 'string'}, 'sha256': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}}}}, 'untracked': {'type': 'array', 'items': {'type': 'object', 'required': ['path', 'status'], 'additionalProperties': False, 'properties': {'path': {'type': 'string'}, 'status': {'type': 'string'}, 'sha256': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}}}}}}, rule='required')
        data_keys = set(data.keys())
        if "path" in data_keys:
            data_keys.remove("path")
            data__path = data["path"]
            if not isinstance(data__path, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".path must be string", value=data__path, name="" + (name_prefix or "data") + ".path", definition={'type': 'string'}, rule='type')
        if "remote" in data_keys:
            data_keys.remove("remote")
            data__remote = data["remote"]
            if not isinstance(data__remote, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".remote must be string", value=data__remote, name="" + (name_prefix or "data") + ".remote", definition={'type': 'string'}, rule='type')
        if "url" in data_keys:
            data_keys.remove("url")
            data__url = data["url"]
            if not isinstance(data__url, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".url must be string", value=data__url, name="" + (name_prefix or "data") + ".url", definition={'type': 'string'}, rule='type')
        if "branch" in data_keys:
            data_keys.remove("branch")
            data__branch = data["branch"]
            validate_https___envsync_dev_schemas_snapshot_json___defs_nullable_string(data__branch, custom_formats, (name_prefix or "data") + ".branch")
        if "head" in data_keys:
            data_keys.remove("head")
            data__head = data["head"]
            validate_https___envsync_dev_schemas_snapshot_json___defs_nullable_string(data__head, custom_formats, (name_prefix or "data") + ".head")
        if "describe" in data_keys:
            data_keys.remove("describe")
            data__describe = data["describe"]
            validate_https___envsync_dev_schemas_snapshot_json___defs_nullable_string(data__describe, custom_formats, (name_prefix or "data") + ".describe")
        if "tags" in data_keys:
            data_keys.remove("tags")
            data__tags = data["tags"]
            validate_https___envsync_dev_schemas_snapshot_json___defs_string_list(data__tags, custom_formats, (name_prefix or "data") + ".tags")
        if "subject" in data_keys:
            data_keys.remove("subject")
            data__subject = data["subject"]
            validate_https___envsync_dev_schemas_snapshot_json___defs_nullable_string(data__subject, custom_formats, (name_prefix or "data") + ".subject")
        if "upstream" in data_keys:
            data_keys.remove("upstream")
            data__upstream = data["upstream"]
            if not isinstance(data__upstream, (dict, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".upstream must be object or null", value=data__upstream, name="" + (name_prefix or "data") + ".upstream", definition={'type': ['object', 'null'], 'required': ['ref'], 'additionalProperties': False, 'properties': {'ref': {'type': 'string'}, 'ahead': {'type': ['integer', 'null']}, 'behind': {'type': ['integer', 'null']}}}, rule='type')
            data__upstream_is_dict = isinstance(data__upstream, dict)
            if data__upstream_is_dict:
                data__upstream__missing_keys = set(['ref']) - data__upstream.keys()
                if data__upstream__missing_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".upstream must contain " + (str(sorted(data__upstream__missing_keys)) + " properties"), value=data__upstream, name="" + (name_prefix or "data") + ".upstream", definition={'type': ['object', 'null'], 'required': ['ref'], 'additionalProperties': False, 'properties': {'ref': {'type': 'string'}, 'ahead': {'type': ['integer', 'null']}, 'behind': {'type': ['integer', 'null']}}}, rule='required')
                data__upstream_keys = set(data__upstream.keys())
                if "ref" in data__upstream_keys:
                    data__upstream_keys.remove("ref")
                    data__upstream__ref = data__upstream["ref"]
                    if not isinstance(data__upstream__ref, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".upstream.ref must be string", value=data__upstream__ref, name="" + (name_prefix or "data") + ".upstream.ref", definition={'type': 'string'}, rule='type')
                if "ahead" in data__upstream_keys:
                    data__upstream_keys.remove("ahead")
                    data__upstream__ahead = data__upstream["ahead"]
                    if not isinstance(data__upstream__ahead, (int, NoneType)) and not (isinstance(data__upstream__ahead, float) and data__upstream__ahead.is_integer()) or isinstance(data__upstream__ahead, bool):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".upstream.ahead must be integer or null", value=data__upstream__ahead, name="" + (name_prefix or "data") + ".upstream.ahead", definition={'type': ['integer', 'null']}, rule='type')
                if "behind" in data__upstream_keys:
                    data__upstream_keys.remove("behind")
                    data__upstream__behind = data__upstream["behind"]
                    if not isinstance(data__upstream__behind, (int, NoneType)) and not (isinstance(data__upstream__behind, float) and data__upstream__behind.is_integer()) or isinstance(data__upstream__behind, bool):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".upstream.behind must be integer or null", value=data__upstream__behind, name="" + (name_prefix or "data") + ".upstream.behind", definition={'type': ['integer', 'null']}, rule='type')
                if data__upstream_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".upstream must not contain "+str(data__upstream_keys)+" properties", value=data__upstream, name="" + (name_prefix or "data") + ".upstream", definition={'type': ['object', 'null'], 'required': ['ref'], 'additionalProperties': False, 'properties': {'ref': {'type': 'string'}, 'ahead': {'type': ['integer', 'null']}, 'behind': {'type': ['integer', 'null']}}}, rule='additionalProperties')
        if "dirty" in data_keys:
            data_keys.remove("dirty")
            data__dirty = data["dirty"]
            if not isinstance(data__dirty, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".dirty must be array", value=data__dirty, name="" + (name_prefix or "data") + ".dirty", definition={'type': 'array', 'items': {'type': 'object', 'required': ['path', 'status'], 'additionalProperties': False, 'properties': {'path': {'type': 'string'}, 'status': {'type': 'string'}, 'sha256': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}}}}, rule='type')
            data__dirty_is_list = isinstance(data__dirty, (list, tuple))
            if data__dirty_is_list:
                data__dirty_len = len(data__dirty)
                for data__dirty_x, data__dirty_item in enumerate(data__dirty):
                    validate_https___envsync_dev_schemas_snapshot_json___defs_file_state(data__dirty_item, custom_formats, (name_prefix or "data") + ".dirty[{data__dirty_x}]".format(**locals()))
        if "untracked" in data_keys:
            data_keys.remove("untracked")
            data__untracked = data["untracked"]
            if not isinstance(data__untracked, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".untracked must be array", value=data__untracked, name="" + (name_prefix or "data") + ".untracked", definition={'type': 'array', 'items': {'type': 'object', 'required': ['path', 'status'], 'additionalProperties': False, 'properties': {'path': {'type': 'string'}, 'status': {'type': 'string'}, 'sha256': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}}}}, rule='type')
            data__untracked_is_list = isinstance(data__untracked, (list, tuple))
            if data__untracked_is_list:
                data__untracked_len = len(data__untracked)
                for data__untracked_x, data__untracked_item in enumerate(data__untracked):
                    validate_https___envsync_dev_schemas_snapshot_json___defs_file_state(data__untracked_item, custom_formats, (name_prefix or "data") + ".untracked[{data__untracked_x}]".format(**locals()))
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['path', 'head', 'dirty', 'untracked'], 'additionalProperties': False, 'properties': {'path': {'type': 'string'}, 'remote': {'type': 'string'}, 'url': {'type': 'string'}, 'branch': {'type': ['string', 'null']}, 'head': {'type': ['string', 'null']}, 'describe': {'type': ['string', 'null']}, 'tags': {'type': 'array', 'items': {'type': 'string'}}, 'subject': {'type': ['string', 'null']}, 'upstream': {'type': ['object', 'null'], 'required': ['ref'], 'additionalProperties': False, 'properties': {'ref': {'type': 'string'}, 'ahead': {'type': ['integer', 'null']}, 'behind': {'type': ['integer', 'null']}}}, 'dirty': {'type': 'array', 'items': {'type': 'object', 'required': ['path', 'status'], 'additionalProperties': False, 'properties': {'path': {'type': 'string'}, 'status': {'type': 'string'}, 'sha256': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}}}}, 'untracked': {'type': 'array', 'items': {'type': 'object', 'required': ['path', 'status'], 'additionalProperties': False, 'properties': {'path': {'type': 'string'}, 'status': {'type': 'string'}, 'sha256': {'$ref': 'https://envsync.dev/schemas/snapshot.json#/$defs/nullable_string'}}}}}}, rule='additionalProperties')
    return data

def validate_https___envsync_dev_schemas_snapshot_json___defs_file_state(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['path', 'status'], 'additionalProperties': False, 'properties': {'path': {'type': 'string'}, 'status': {'type': 'string'}, 'sha256': {'type': ['string', 'null']}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['path', 'status']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['path', 'status'], 'additionalProperties': False, 'properties': {'path': {'type': 'string'}, 'status': {'type': 'string'}, 'sha256': {'type': ['string', 'null']}}}, rule='required')
        data_keys = set(data.keys())
        if "path" in data_keys:
            data_keys.remove("path")
            data__path = data["path"]
            if not isinstance(data__path, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".path must be string", value=data__path, name="" + (name_prefix or "data") + ".path", definition={'type': 'string'}, rule='type')
        if "status" in data_keys:
            data_keys.remove("status")
            data__status = data["status"]
            if not isinstance(data__status, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".status must be string", value=data__status, name="" + (name_prefix or "data") + ".status", definition={'type': 'string'}, rule='type')
        if "sha256" in data_keys:
            data_keys.remove("sha256")
            data__sha256 = data["sha256"]
            validate_https___envsync_dev_schemas_snapshot_json___defs_nullable_string(data__sha256, custom_formats, (name_prefix or "data") + ".sha256")
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['path', 'status'], 'additionalProperties': False, 'properties': {'path': {'type': 'string'}, 'status': {'type': 'string'}, 'sha256': {'type': ['string', 'null']}}}, rule='additionalProperties')
    return data

def validate_https___envsync_dev_schemas_snapshot_json___defs_meta(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['environment', 'project', 'time', 'envsync_version', 'compose_version', 'engine', 'host', 'duration_s', 'errors'], 'additionalProperties': False, 'properties': {'environment': {'type': 'string', 'minLength': 1}, 'project': {'type': 'string'}, 'time': {'type': 'string', 'pattern': '^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$'}, 'envsync_version': {'type': 'string'}, 'compose_version': {'type': ['string', 'null']}, 'engine': {'type': ['object', 'null'], 'required': ['url'], 'additionalProperties': False, 'properties': {'url': {'type': 'string'}, 'version': {'type': ['string', 'null']}, 'api_version': {'type': ['string', 'null']}}}, 'host': {'type': 'string'}, 'duration_s': {'type': ['number', 'null']}, 'errors': {'description': 'The parts that could not be captured, with the reason.', 'type': 'array', 'items': {'type': 'object', 'required': ['part', 'reason'], 'additionalProperties': False, 'properties': {'part': {'type': 'string'}, 'reason': {'type': 'string'}}}}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['environment', 'project', 'time', 'envsync_version', 'compose_version', 'engine', 'host', 'duration_s', 'errors']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['environment', 'project', 'time', 'envsync_version', 'compose_version', 'engine', 'host', 'duration_s', 'errors'], 'additionalProperties': False, 'properties': {'environment': {'type': 'string', 'minLength': 1}, 'project': {'type': 'string'}, 'time': {'type': 'string', 'pattern': '^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$'}, 'envsync_version': {'type': 'string'}, 'compose_version': {'type': ['string', 'null']}, 'engine': {'type': ['object', 'null'], 'required': ['url'], 'additionalProperties': False, 'properties': {'url': {'type': 'string'}, 'version': {'type': ['string', 'null']}, 'api_version': {'type': ['string', 'null']}}}, 'host': {'type': 'string'}, 'duration_s': {'type': ['number', 'null']}, 'errors': {'description': 'The parts that could not be captured, with the reason.', 'type': 'array', 'items': {'type': 'object', 'required': ['part', 'reason'], 'additionalProperties': False, 'properties': {'part': {'type': 'string'}, 'reason': {'type': 'string'}}}}}}, rule='required')
        data_keys = set(data.keys())
        if "environment" in data_keys:
            data_keys.remove("environment")
            data__environment = data["environment"]
            if not isinstance(data__environment, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".environment must be string", value=data__environment, name="" + (name_prefix or "data") + ".environment", definition={'type': 'string', 'minLength': 1}, rule='type')
            if isinstance(data__environment, str):
                data__environment_len = len(data__environment)
                if data__environment_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".environment must be longer than or equal to 1 characters", value=data__environment, name="" + (name_prefix or "data") + ".environment", definition={'type': 'string', 'minLength': 1}, rule='minLength')
        if "project" in data_keys:
            data_keys.remove("project")
            data__project = data["project"]
            if not isinstance(data__project, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".project must be string", value=data__project, name="" + (name_prefix or "data") + ".project", definition={'type': 'string'}, rule='type')
        if "time" in data_keys:
            data_keys.remove("time")
            data__time = data["time"]
            if not isinstance(data__time, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".time must be string", value=data__time, name="" + (name_prefix or "data") + ".time", definition={'type': 'string', 'pattern': '^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$'}, rule='type')
            if isinstance(data__time, str):
                if not REGEX_PATTERNS['^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$'].search(data__time):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".time must match pattern ^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$", value=data__time, name="" + (name_prefix or "data") + ".time", definition={'type': 'string', 'pattern': '^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$'}, rule='pattern')
        if "envsync_version" in data_keys:
            data_keys.remove("envsync_version")
            data__envsyncversion = data["envsync_version"]
            if not isinstance(data__envsyncversion, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".envsync_version must be string", value=data__envsyncversion, name="" + (name_prefix or "data") + ".envsync_version", definition={'type': 'string'}, rule='type')
        if "compose_version" in data_keys:
            data_keys.remove("compose_version")
            data__composeversion = data["compose_version"]
            validate_https___envsync_dev_schemas_snapshot_json___defs_nullable_string(data__composeversion, custom_formats, (name_prefix or "data") + ".compose_version")
        if "engine" in data_keys:
            data_keys.remove("engine")
            data__engine = data["engine"]
            if not isinstance(data__engine, (dict, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".engine must be object or null", value=data__engine, name="" + (name_prefix or "data") + ".engine", definition={'type': ['object', 'null'], 'required': ['url'], 'additionalProperties': False, 'properties': {'url': {'type': 'string'}, 'version': {'type': ['string', 'null']}, 'api_version': {'type': ['string', 'null']}}}, rule='type')
            data__engine_is_dict = isinstance(data__engine, dict)
            if data__engine_is_dict:
                data__engine__missing_keys = set(['url']) - data__engine.keys()
                if data__engine__missing_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".engine must contain " + (str(sorted(data__engine__missing_keys)) + " properties"), value=data__engine, name="" + (name_prefix or "data") + ".engine", definition={'type': ['object', 'null'], 'required': ['url'], 'additionalProperties': False, 'properties': {'url': {'type': 'string'}, 'version': {'type': ['string', 'null']}, 'api_version': {'type': ['string', 'null']}}}, rule='required')
                data__engine_keys = set(data__engine.keys())
                if "url" in data__engine_keys:
                    data__engine_keys.remove("url")
                    data__engine__url = data__engine["url"]
                    if not isinstance(data__engine__url, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".engine.url must be string", value=data__engine__url, name="" + (name_prefix or "data") + ".engine.url", definition={'type': 'string'}, rule='type')
                if "version" in data__engine_keys:
                    data__engine_keys.remove("version")
                    data__engine__version = data__engine["version"]
                    validate_https___envsync_dev_schemas_snapshot_json___defs_nullable_string(data__engine__version, custom_formats, (name_prefix or "data") + ".engine.version")
                if "api_version" in data__engine_keys:
                    data__engine_keys.remove("api_version")
                    data__engine__apiversion = data__engine["api_version"]
                    validate_https___envsync_dev_schemas_snapshot_json___defs_nullable_string(data__engine__apiversion, custom_formats, (name_prefix or "data") + ".engine.api_version")
                if data__engine_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".engine must not contain "+str(data__engine_keys)+" properties", value=data__engine, name="" + (name_prefix or "data") + ".engine", definition={'type': ['object', 'null'], 'required': ['url'], 'additionalProperties': False, 'properties': {'url': {'type': 'string'}, 'version': {'type': ['string', 'null']}, 'api_version': {'type': ['string', 'null']}}}, rule='additionalProperties')
        if "host" in data_keys:
            data_keys.remove("host")
            data__host = data["host"]
            if not isinstance(data__host, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".host must be string", value=data__host, name="" + (name_prefix or "data") + ".host", definition={'type': 'string'}, rule='type')
        if "duration_s" in data_keys:
            data_keys.remove("duration_s")
            data__durations = data["duration_s"]
            if not isinstance(data__durations, (int, float, Decimal, NoneType)) or isinstance(data__durations, bool):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".duration_s must be number or null", value=data__durations, name="" + (name_prefix or "data") + ".duration_s", definition={'type': ['number', 'null']}, rule='type')
        if "errors" in data_keys:
            data_keys.remove("errors")
            data__errors = data["errors"]
            if not isinstance(data__errors, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".errors must be array", value=data__errors, name="" + (name_prefix or "data") + ".errors", definition={'description': 'The parts that could not be captured, with the reason.', 'type': 'array', 'items': {'type': 'object', 'required': ['part', 'reason'], 'additionalProperties': False, 'properties': {'part': {'type': 'string'}, 'reason': {'type': 'string'}}}}, rule='type')
            data__errors_is_list = isinstance(data__errors, (list, tuple))
            if data__errors_is_list:
                data__errors_len = len(data__errors)
                for data__errors_x, data__errors_item in enumerate(data__errors):
                    validate_https___envsync_dev_schemas_snapshot_json___defs_part_error(data__errors_item, custom_formats, (name_prefix or "data") + ".errors[{data__errors_x}]".format(**locals()))
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['environment', 'project', 'time', 'envsync_version', 'compose_version', 'engine', 'host', 'duration_s', 'errors'], 'additionalProperties': False, 'properties': {'environment': {'type': 'string', 'minLength': 1}, 'project': {'type': 'string'}, 'time': {'type': 'string', 'pattern': '^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$'}, 'envsync_version': {'type': 'string'}, 'compose_version': {'type': ['string', 'null']}, 'engine': {'type': ['object', 'null'], 'required': ['url'], 'additionalProperties': False, 'properties': {'url': {'type': 'string'}, 'version': {'type': ['string', 'null']}, 'api_version': {'type': ['string', 'null']}}}, 'host': {'type': 'string'}, 'duration_s': {'type': ['number', 'null']}, 'errors': {'description': 'The parts that could not be captured, with the reason.', 'type': 'array', 'items': {'type': 'object', 'required': ['part', 'reason'], 'additionalProperties': False, 'properties': {'part': {'type': 'string'}, 'reason': {'type': 'string'}}}}}}, rule='additionalProperties')
    return data

def validate_https___envsync_dev_schemas_snapshot_json___defs_part_error(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['part', 'reason'], 'additionalProperties': False, 'properties': {'part': {'type': 'string'}, 'reason': {'type': 'string'}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['part', 'reason']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['part', 'reason'], 'additionalProperties': False, 'properties': {'part': {'type': 'string'}, 'reason': {'type': 'string'}}}, rule='required')
        data_keys = set(data.keys())
        if "part" in data_keys:
            data_keys.remove("part")
            data__part = data["part"]
            if not isinstance(data__part, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".part must be string", value=data__part, name="" + (name_prefix or "data") + ".part", definition={'type': 'string'}, rule='type')
        if "reason" in data_keys:
            data_keys.remove("reason")
            data__reason = data["reason"]
            if not isinstance(data__reason, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".reason must be string", value=data__reason, name="" + (name_prefix or "data") + ".reason", definition={'type': 'string'}, rule='type')
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['part', 'reason'], 'additionalProperties': False, 'properties': {'part': {'type': 'string'}, 'reason': {'type': 'string'}}}, rule='additionalProperties')
    return data
validate = validate_https___envsync_dev_schemas_snapshot_json
