using System.IO.Compression;
using System.Net;
using System.Text;

using Verify.Cli.Tests.Support;
using Verify.Testing;

namespace Verify.Cli.Tests.Commands;

/// <summary><c>verify saml decode | sign | verify</c>, run as an integrator would.</summary>
public sealed class SamlCommandTests
{
    private const string Response = """
        <samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_r1" Version="2.0" IssueInstant="2026-11-30T10:00:00Z"><saml:Issuer>https://idp.test</saml:Issuer><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status><saml:Assertion ID="_a1" Version="2.0" IssueInstant="2026-11-30T10:00:00Z"><saml:Issuer>https://idp.test</saml:Issuer><saml:Subject><saml:NameID>pid</saml:NameID></saml:Subject></saml:Assertion></samlp:Response>
        """;

    private string _folder = "";

    [SetUp]
    public void CreateFolder() => Directory.CreateDirectory(_folder = Path.Combine(Path.GetTempPath(), "verify-cli-saml-" + Guid.NewGuid().ToString("N")));

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void Sign_ThenVerify_WithTheSignersCertificate_ExitsZero()
    {
        var signed = Sign("--assertions");

        var run = CliRun.InProcess("saml", "verify", signed, "--cert", SampleCerts.CertificatePath("stub-idp-signing"));

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.Error);
            Assert.That(run.Output, Does.Contain("valid    samlp:Response ID=_r1").And.Contain("valid    saml:Assertion ID=_a1"));
        });
    }

    [Test]
    public void Verify_WithAnotherPartysCertificate_ExitsOneWithTheCatalogueCode()
    {
        var signed = Sign("--assertions");

        var run = CliRun.InProcess("saml", "verify", signed, "--cert", SampleCerts.CertificatePath("test-rp-signing"));

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.Error, Does.Contain("VS2013 SignatureNoTrustedKey"));
        });
    }

    [Test]
    public void Verify_RefusesWhenNeitherRootNorEveryAssertionIsSigned()
    {
        var unsigned = Path.Combine(_folder, "unsigned.xml");
        File.WriteAllText(unsigned, Response);

        var run = CliRun.InProcess("saml", "verify", unsigned, "--cert", SampleCerts.CertificatePath("stub-idp-signing"));

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.Error, Does.Contain("SignatureMissing"));
        });
    }

    [Test]
    public void Verify_TamperedAfterSigning_ExitsOneWithDigestMismatch()
    {
        var signed = Sign("--assertions");
        File.WriteAllText(signed, File.ReadAllText(signed).Replace(">pid<", ">someone-else<", StringComparison.Ordinal));

        var run = CliRun.InProcess("saml", "verify", signed, "--cert", SampleCerts.CertificatePath("stub-idp-signing"));

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.Output, Does.Contain("DigestMismatch"));
        });
    }

    [Test]
    public void Verify_WithoutKeys_IsAUsageError()
    {
        var run = CliRun.InProcess("saml", "verify", Sign());

        Assert.That(run.ExitCode, Is.EqualTo(2));
    }

    [Test]
    public void Decode_ARedirectUrl_PrintsTheInflatedXml_AndTheRelayState()
    {
        var deflated = new MemoryStream();
        using (var deflate = new DeflateStream(deflated, CompressionLevel.Optimal, leaveOpen: true))
        {
            deflate.Write(Encoding.UTF8.GetBytes(Response));
        }

        var url = "https://hub.test/SAML2/SSO?SAMLResponse=" + WebUtility.UrlEncode(Convert.ToBase64String(deflated.ToArray())) + "&RelayState=abc";

        var run = CliRun.InProcess("saml", "decode", url);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.Error);
            Assert.That(run.Output, Does.Contain("RelayState=abc").And.Contain("<saml:NameID>pid</saml:NameID>"));
        });
    }

    [Test]
    public void Decode_APostValue_WrappedOverLines_PrintsTheXml()
    {
        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(Response), Base64FormattingOptions.InsertLineBreaks);

        var run = CliRun.InProcess("saml", "decode", base64);

        Assert.That(run.Output, Does.Contain("samlp:Response"));
    }

    [Test]
    public void Decode_RefusesADoctype()
    {
        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"));

        var run = CliRun.InProcess("saml", "decode", base64);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.Error, Does.Contain("VS1002"));
            Assert.That(run.Output, Does.Not.Contain("root:"));
        });
    }

    [Test]
    public void Verify_WithTheSignersMetadata_ExitsZero_AndWithAnotherPartysMetadata_ExitsOne()
    {
        var signed = Sign("--assertions");

        var idp = CliRun.InProcess("saml", "verify", signed, "--metadata", Metadata("stub-idp-signing"));
        var rp = CliRun.InProcess("saml", "verify", signed, "--metadata", Metadata("test-rp-signing"));

        Assert.Multiple(() =>
        {
            Assert.That(idp.ExitCode, Is.Zero, idp.Error);
            Assert.That(rp.ExitCode, Is.EqualTo(1));
            Assert.That(rp.Error, Does.Contain("SignatureNoTrustedKey"));
        });
    }

    private string Metadata(string certificate)
    {
        var der = Convert.ToBase64String(SampleCerts.Certificate(certificate).RawData);
        var path = Path.Combine(_folder, certificate + "-metadata.xml");
        File.WriteAllText(path, $"""
            <md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="https://idp.test">
              <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
                <md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>{der}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
                <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="http://idp.test:8443/sso"/>
              </md:IDPSSODescriptor>
            </md:EntityDescriptor>
            """);
        return path;
    }

    private string Sign(params string[] extra)
    {
        var input = Path.Combine(_folder, "response.xml");
        File.WriteAllText(input, Response);
        var output = Path.Combine(_folder, "signed.xml");
        var run = CliRun.InProcess(["saml", "sign", input, "--key", SampleCerts.KeyPath("stub-idp-signing"), "--cert", SampleCerts.CertificatePath("stub-idp-signing"), "--out", output, .. extra]);
        Assert.That(run.ExitCode, Is.Zero, run.Error);
        return output;
    }
}
