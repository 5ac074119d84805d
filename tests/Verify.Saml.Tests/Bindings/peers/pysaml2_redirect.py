#!/usr/bin/python3
"""pysaml2 as an independent peer for the SAML HTTP-Redirect binding (SAML Bindings 3.4.4.1).

  pysaml2_redirect.py verify CERT_PEM QUERY [QUERY...]
      Verifies each query's signature with pysaml2's own saml2.sigver.verify_redirect_signature, the way
      pysaml2-based services (SATOSA, djangosaml2) check a Redirect message: parse the query into a dict
      of single values, rebuild the signed string with urlencode, check it with the certificate's key.
      Prints one line per query: valid, invalid or refused (unsupported SigAlg, bad input).
      Exit 0: all valid. Exit 1: some invalid, none refused. Exit 2: some refused.
      (Several queries per run because importing pysaml2 takes about two seconds.)

  pysaml2_redirect.py sign XML_FILE DESTINATION RELAY_STATE KEY_PEM
      Deflates, encodes and signs (RSA-SHA256) the message with saml2.pack.http_redirect_message and
      prints the URL. RELAY_STATE may be empty.

Exit 3: pysaml2 is not installed (Debian: python3-pysaml2; ./test.sh installs it).
Run with /usr/bin/python3 (INTEROP.md: another python3 on PATH may not see Debian's packages).
"""
import sys
from urllib.parse import parse_qs
from xml.etree import ElementTree

try:
    from saml2 import pack, sigver
    from saml2.xmldsig import SIG_RSA_SHA256
except ImportError as error:
    print("pysaml2 is not installed (%s): run ./test.sh, which installs python3-pysaml2" % error, file=sys.stderr)
    sys.exit(3)


def certificate_body(path):
    """pysaml2's verify_redirect_signature takes the certificate as base64 without PEM armour."""
    with open(path, encoding="ascii") as pem:
        return "".join(line.strip() for line in pem if line.strip() and not line.startswith("-----"))


def verify(query, cert):
    if query.startswith("?"):
        query = query[1:]
    try:
        parsed = parse_qs(query, keep_blank_values=True, strict_parsing=True)
    except ValueError as error:
        return "refused: %s" % error
    if any(len(values) != 1 for values in parsed.values()):
        return "refused: a parameter appears more than once"
    message = {name: values[0] for name, values in parsed.items()}
    if "Signature" not in message or "SigAlg" not in message:
        return "refused: the query is not signed"
    try:
        valid = sigver.verify_redirect_signature(message, sigver.RSACrypto(None), cert=cert)
    except Exception as error:  # pysaml2 raises for unsupported algorithms
        return "refused: %r" % (error,)
    if valid is None:
        return "refused: SigAlg %s is not one pysaml2 verifies" % message["SigAlg"]
    return "valid" if valid else "invalid"


def verify_all(cert_path, queries):
    cert = certificate_body(cert_path)
    results = [verify(query, cert) for query in queries]
    for result in results:
        print(result)
    if any(result.startswith("refused") for result in results):
        return 2
    return 0 if all(result == "valid" for result in results) else 1


def sign(xml_path, destination, relay_state, key_path):
    with open(xml_path, encoding="utf-8") as xml:
        message = xml.read()
    backend = sigver.RSACrypto(sigver.import_rsa_key_from_file(key_path))
    root = ElementTree.fromstring(message.encode("utf-8")).tag.rsplit("}", 1)[-1]
    typ = "SAMLResponse" if root.endswith("Response") else "SAMLRequest"
    result = pack.http_redirect_message(
        message, destination, relay_state=relay_state, typ=typ, sigalg=SIG_RSA_SHA256, sign=True, backend=backend)
    print(dict(result["headers"])["Location"])
    return 0


def main(arguments):
    if len(arguments) >= 3 and arguments[0] == "verify":
        return verify_all(arguments[1], arguments[2:])
    if len(arguments) == 5 and arguments[0] == "sign":
        return sign(*arguments[1:])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
