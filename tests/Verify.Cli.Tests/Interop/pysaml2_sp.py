#!/usr/bin/python3
"""pysaml2 as an independent SAML service provider (an RP of the hub), used as a library: no web server.

  pysaml2_sp.py metadata SETTINGS_JSON OUT_XML
      Writes the SP's metadata (saml2.metadata.entity_descriptor of its configuration): entity ID, the
      HTTP-POST assertion consumer service, a signing and an encryption KeyDescriptor.

  pysaml2_sp.py request SETTINGS_JSON RELAY_STATE
      Creates an AuthnRequest for the IdP in the IdP metadata (the hub), to its HTTP-POST SingleSignOnService,
      signed inside the XML (RSA-SHA256, SHA-256 digest), NameIDPolicy persistent. Prints JSON:
      {"destination", "SAMLRequest" (base64), "RelayState", "request_id"}.

  pysaml2_sp.py response SETTINGS_JSON REQUEST_ID RESPONSE_FILE
      RESPONSE_FILE holds the base64 SAMLResponse as the HTTP-POST binding carried it. Runs
      parse_authn_request_response with the strict configuration below, the request ID as the only outstanding
      request. Prints JSON: name_id, authn contexts, attributes (pysaml2's ava), issuer, in_response_to.
      Exit 1 with the error on stderr when pysaml2 refuses the response (or returns nothing, which is how it
      refuses some checks, e.g. a wrong Destination).

The strict configuration: want_response_signed and want_assertions_signed (both signatures required and
checked by xmlsec1 against the IdP metadata's signing key only: only_use_keys_in_metadata), allow_unsolicited
False (InResponseTo must be the outstanding request), the SP's encryption key pair to decrypt the assertion,
SHA-256 for its own signatures. pysaml2 7 has no option that requires assertions to be encrypted, so this
script refuses a Response that carries a plaintext Assertion or no EncryptedAssertion before handing it over.

SETTINGS_JSON: {"entity_id", "acs_url", "signing_key", "signing_cert", "encryption_key", "encryption_cert",
"idp_metadata" (a file; not needed for "metadata"), "work_dir" (for pysaml2's temporary files)}; key and
certificate files are PEM.

Exit 3: pysaml2 is not installed (Debian: python3-pysaml2; ./test.sh installs it).
Run with /usr/bin/python3 (INTEROP.md: another python3 on PATH may not see Debian's packages).
"""
import base64
import json
import shutil
import sys
import tempfile

try:
    import saml2
    from saml2 import BINDING_HTTP_POST, samlp
    from saml2.client import Saml2Client
    from saml2.config import SPConfig
    from saml2.metadata import entity_descriptor
    from saml2.saml import NAMEID_FORMAT_PERSISTENT
    from saml2.xmldsig import DIGEST_SHA256, SIG_RSA_SHA256
except ImportError as error:
    print("pysaml2 is not installed (%s): run ./test.sh, which installs python3-pysaml2" % error, file=sys.stderr)
    sys.exit(3)


def load_settings(path):
    with open(path, encoding="utf-8") as file:
        return json.load(file)


def sp_config(settings, with_idp=True):
    """The strict SP configuration."""
    sp = {
        "endpoints": {"assertion_consumer_service": [(settings["acs_url"], BINDING_HTTP_POST)]},
        "authn_requests_signed": True,
        "want_response_signed": True,
        "want_assertions_signed": True,
        "want_assertions_or_response_signed": True,
        "allow_unsolicited": False,
        "name_id_format": [NAMEID_FORMAT_PERSISTENT],
        "name_id_policy_format": NAMEID_FORMAT_PERSISTENT,
        "name_id_format_allow_create": True,
        "signing_algorithm": SIG_RSA_SHA256,
        "digest_algorithm": DIGEST_SHA256,
    }
    config = {
        "entityid": settings["entity_id"],
        "service": {"sp": sp},
        "key_file": settings["signing_key"],
        "cert_file": settings["signing_cert"],
        "encryption_keypairs": [{"key_file": settings["encryption_key"], "cert_file": settings["encryption_cert"]}],
        "only_use_keys_in_metadata": True,
        "signing_algorithm": SIG_RSA_SHA256,
        "digest_algorithm": DIGEST_SHA256,
        "delete_tmpfiles": True,
    }
    xmlsec = shutil.which("xmlsec1")
    if xmlsec:
        config["xmlsec_binary"] = xmlsec
    if with_idp:
        config["metadata"] = {"local": [settings["idp_metadata"]]}
    result = SPConfig()
    result.load(config)
    return result


def idp_entity_id(client):
    idps = list(client.metadata.identity_providers())
    if len(idps) != 1:
        raise ValueError("the IdP metadata must describe exactly one IdP, not %d" % len(idps))
    return idps[0]


def write_metadata(settings, out_path):
    descriptor = entity_descriptor(sp_config(settings, with_idp=False))
    with open(out_path, "w", encoding="utf-8") as out:
        out.write(str(descriptor))
    return 0


def create_request(settings, relay_state):
    client = Saml2Client(config=sp_config(settings))
    idp = idp_entity_id(client)
    # What Saml2Client.prepare_for_authenticate does for the HTTP-POST binding, without the HTML form.
    destination = client.sso_location(idp, BINDING_HTTP_POST)
    request_id, request = client.create_authn_request(
        destination, binding=BINDING_HTTP_POST, sign=True, sign_alg=SIG_RSA_SHA256, digest_alg=DIGEST_SHA256)
    xml = str(request).encode("utf-8")
    print(json.dumps({
        "destination": destination,
        "SAMLRequest": base64.b64encode(xml).decode("ascii"),
        "RelayState": relay_state,
        "request_id": request_id,
    }))
    return 0


def require_encrypted_assertion(xml):
    """pysaml2 decrypts what is encrypted but accepts plaintext too; a strict SP wants only the encrypted form."""
    response = samlp.response_from_string(xml)
    if response is None:
        raise ValueError("not a samlp:Response")
    if response.assertion:
        raise ValueError("the Response carries a plaintext Assertion; only an EncryptedAssertion is accepted")
    if len(response.encrypted_assertion) != 1:
        raise ValueError("the Response must carry exactly one EncryptedAssertion, not %d" % len(response.encrypted_assertion))


def parse_response(settings, request_id, response_path):
    with open(response_path, encoding="ascii") as file:
        encoded = file.read().strip()
    xml = base64.b64decode(encoded, validate=True).decode("utf-8")
    require_encrypted_assertion(xml)

    client = Saml2Client(config=sp_config(settings))
    result = client.parse_authn_request_response(encoded, BINDING_HTTP_POST, outstanding={request_id: "/"})
    if result is None:
        raise ValueError("pysaml2 refused the Response (parse_authn_request_response returned None; see its log above)")
    if result.assertion is None:
        raise ValueError("pysaml2 found no assertion")

    name_id = result.assertion.subject.name_id
    print(json.dumps({
        "issuer": result.issuer(),
        "in_response_to": result.in_response_to,
        "came_from": result.came_from,
        "name_id": {
            "text": name_id.text,
            "format": name_id.format,
            "name_qualifier": name_id.name_qualifier,
            "sp_name_qualifier": name_id.sp_name_qualifier,
        },
        "authn_contexts": [info[0] for info in result.authn_info()],
        "attributes": result.ava,
        "assertion_signed": bool(result.assertion.signature),
    }, sort_keys=True))
    return 0


def main(arguments):
    if len(arguments) == 3 and arguments[0] == "metadata":
        return write_metadata(load_settings(arguments[1]), arguments[2])
    if len(arguments) == 3 and arguments[0] == "request":
        return create_request(load_settings(arguments[1]), arguments[2])
    if len(arguments) == 4 and arguments[0] == "response":
        return parse_response(load_settings(arguments[1]), arguments[2], arguments[3])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    _settings = load_settings(sys.argv[2]) if len(sys.argv) > 2 else {}
    if _settings.get("work_dir"):
        # pysaml2 writes keys, certificates and messages to temporary files for xmlsec1: keep them in the test's folder.
        tempfile.tempdir = _settings["work_dir"]
    try:
        sys.exit(main(sys.argv[1:]))
    except Exception as failure:  # pysaml2 refuses with many exception types: report which, and exit 1
        print("%s: %s" % (type(failure).__name__, failure), file=sys.stderr)
        sys.exit(1)
