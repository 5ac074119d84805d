using System.Text.Encodings.Web;

using Verify.Web.Saml;

namespace Verify.TestRp.Tests;

/// <summary>
/// The POST-binding form writes the base64 message into its value attribute as it is (no HTML encoding of tens of
/// kilobytes), which is safe only because the form refuses anything but base64 text.
/// </summary>
public sealed class SamlPostFormTests
{
    private static readonly Uri Destination = new("https://hub.test/SAML2/SSO");

    [TestCase("PHg+\" autofocus onfocus=\"alert(1)")]
    [TestCase("PHg+<script>")]
    [TestCase("PHg+ PHg+")]
    [TestCase("PHg+&#x2B;")]
    [TestCase("PHg+'")]
    [TestCase("")]
    public void AnythingButBase64_IsRefused(string message) =>
        Assert.Throws<ArgumentException>(() => _ = new SamlPostForm(Destination, "SAMLRequest", message, null, "Sending you"));

    [Test]
    public void Base64_IsWrittenAsItIs_WithItsPlusSignsAndSlashes()
    {
        var message = Convert.ToBase64String([0xfb, 0xff, 0xbf, 0x3e, 0x3f]); // "+/+/Pj8=": every special base64 character
        var form = new SamlPostForm(Destination, "SAMLRequest", message, null, "Sending you");
        using var written = new StringWriter();

        form.MessageAttributeValue.WriteTo(written, HtmlEncoder.Default);

        Assert.Multiple(() =>
        {
            Assert.That(message, Does.Contain("+").And.Contain("/").And.Contain("="));
            Assert.That(written.ToString(), Is.EqualTo(message));
        });
    }
}
