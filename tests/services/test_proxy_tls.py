"""Production's edge (docker-compose.aws.yml): the proxy terminates TLS for the bot's webhook
with a certificate and key read from files named in the environment (WEBHOOK_TLS_CERT,
WEBHOOK_TLS_KEY), and forwards Telegram's POSTs to the bot. The certificate is made here,
self-signed for 127.0.0.1; the proxy is reached on 127.0.0.1 only."""

from __future__ import annotations

import datetime
import ipaddress
import json
import ssl
import subprocess
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from tests.services.compose_stack import (
    WEBHOOK_SECRET,
    ComposeStack,
    compose_stack,
    require_engine,
)

pytestmark = [pytest.mark.docker, pytest.mark.slow]

PATH = "/telegram/webhook"  # of WEBHOOK_URL in services/env/telegram-bot.prod.env


def self_signed(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 and its key, in two files (the key readable by its
    owner only, as on the VM)."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(minutes=5))
            .not_valid_after(now + datetime.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = folder / "webhook.crt", folder / "webhook.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    key_path.chmod(0o600)
    return cert_path, key_path


@pytest.fixture(scope="module")
def production(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ComposeStack, Path]]:
    require_engine()
    folder = tmp_path_factory.mktemp("tls")
    cert, key = self_signed(folder)
    env = {"WEBHOOK_TLS_CERT": str(cert), "WEBHOOK_TLS_KEY": str(key)}
    with compose_stack(folder, production=True, bot_mode="webhook", env=env) as stack:
        yield stack, cert


def test_an_https_webhook_post_reaches_the_bot(production: tuple[ComposeStack, Path]) -> None:
    stack, cert = production
    url = f"https://127.0.0.1:{stack.ports['webhook']}{PATH}"
    secret = {"X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET}
    trusted = ssl.create_default_context(cafile=str(cert))
    with httpx.Client(verify=trusted, timeout=10) as client:
        answer = client.post(url, json=stack.update("/price BTC", chat_id=77), headers=secret)
        assert (answer.status_code, answer.text) == (200, "ok")
        sent = stack.wait_sent(1)
        assert [m["chat_id"] for m in sent] == [77]
        assert sent[0]["text"].startswith(("BTC/USDT: ", "No exchange answered for BTC/USDT"))
        # The secret is still the bot's to check; a pin header changes nothing publicly.
        assert client.post(url, json=stack.update("/start"), headers={}).status_code == 403
        pinned = client.post(url, json=stack.update("/start", chat_id=78),
                             headers={**secret, "x-envsync-server": "green"})
        assert pinned.status_code == 200
        # Only POSTs reach the bot: its /health stays off the internet.
        assert client.get(f"https://127.0.0.1:{stack.ports['webhook']}/health").status_code == 405
    with pytest.raises(httpx.ConnectError):  # a certificate nobody vouches for is refused
        httpx.post(url, json={}, headers=secret, timeout=10)
    assert stack.wait_sent(2)[-1]["chat_id"] == 78


def test_the_key_is_a_read_only_mount_of_the_named_file(
        production: tuple[ComposeStack, Path]) -> None:
    stack, cert = production
    info = json.loads(subprocess.run(["docker", "inspect", stack.container("proxy")],
                                     capture_output=True, text=True, check=True).stdout)[0]
    mounts = {m["Destination"]: (m["Source"], m["RW"]) for m in info["Mounts"]}
    assert mounts["/etc/haproxy/tls/webhook.pem"] == (str(cert), False)
    assert mounts["/etc/haproxy/tls/webhook.pem.key"] == (str(cert.with_suffix(".key")), False)
    assert info["HostConfig"]["Memory"] == 32 * 1024 * 1024
    # The bot publishes nothing; the webhook arrives through the proxy only.
    bot = json.loads(subprocess.run(["docker", "inspect", stack.container("telegram-bot")],
                                    capture_output=True, text=True, check=True).stdout)[0]
    assert not bot["HostConfig"]["PortBindings"]
