using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

using Verify.Saml.Bindings;
using Verify.Saml.Errors;

namespace Verify.Saml.Tests.Bindings;

/// <summary>
/// SAML Bindings 3.5.4: the auto-submitting form. Every value is HTML-encoded, only https destinations
/// are used, and the page works without JavaScript.
/// </summary>
public sealed class PostFormTests
{
    private const string Hostile = "\"><script>alert(1)</script>";

    [Test]
    public void RenderForm_PostsTheMessageAndRelayState_WithAButtonThatWorksWithoutJavaScript()
    {
        var html = PostBinding.RenderForm(BindingSamples.RpAcs, BindingSamples.Response(), "state-1");
        var base64 = PostBinding.Encode(BindingSamples.Response());

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.StartWith("<!DOCTYPE html>"));
            Assert.That(html, Does.Contain($"<form id=\"saml-post\" method=\"post\" action=\"{BindingSamples.RpAcs}\">"));
            Assert.That(html, Does.Contain($"<input type=\"hidden\" name=\"SAMLResponse\" value=\"{base64.Replace("+", "&#x2B;", StringComparison.Ordinal)}\">"));
            Assert.That(html, Does.Contain("<input type=\"hidden\" name=\"RelayState\" value=\"state-1\">"));
            Assert.That(html, Does.Match("<button type=\"submit\">Continue</button>\\s*</form>"), "the button is inside the form and not hidden");
            Assert.That(html, Does.Contain("<meta name=\"referrer\" content=\"no-referrer\">"));
        });
    }

    [Test]
    public void RenderForm_HtmlEncodesAHostileRelayState()
    {
        var html = PostBinding.RenderForm(BindingSamples.RpAcs, BindingSamples.Response(), Hostile);

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Not.Contain("<script>alert"));
            Assert.That(Regex.Matches(html, "<script"), Has.Count.EqualTo(1), "only our own script element");
            Assert.That(html, Does.Contain("name=\"RelayState\" value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\""));
        });
    }

    [Test]
    public void RenderForm_HtmlEncodesTheDestinationAndEveryLabel()
    {
        var options = new PostFormOptions { Title = Hostile, Message = Hostile, ButtonLabel = Hostile, Language = Hostile, ScriptNonce = Hostile };

        var html = PostBinding.RenderForm("https://rp.test/acs?a=\"><b>&c='x'", "SAMLResponse", Hostile, Hostile, options);

        Assert.Multiple(() =>
        {
            Assert.That(Regex.Matches(html, "<script"), Has.Count.EqualTo(1));
            Assert.That(html, Does.Not.Contain("<b>"));
            Assert.That(html, Does.Not.Contain("'x'"));
            Assert.That(Regex.Count(html, "\"") % 2, Is.Zero);
            Assert.That(html, Does.Contain("action=\"https://rp.test/acs?a=&quot;&gt;&lt;b&gt;&amp;c=&#x27;x&#x27;\""));
        });
    }

    [TestCase("javascript:alert(1)")]
    [TestCase("JaVaScRiPt:alert(document.domain)")]
    [TestCase("vbscript:msgbox(1)")]
    [TestCase("data:text/html,<script>alert(1)</script>")]
    [TestCase("file:///etc/passwd")]
    [TestCase("http://rp.test/acs")]
    [TestCase("http://127.0.0.1/acs")]
    [TestCase("//rp.test/acs")]
    [TestCase("/acs")]
    [TestCase("")]
    [TestCase(" https://rp.test/acs")]
    [TestCase("https://rp.test/acs\n")]
    [TestCase("https://user:password@rp.test/acs")]
    public void RenderForm_RefusesDestination(string destination)
    {
        var ex = Assert.Throws<SamlException>(() => PostBinding.RenderForm(destination, BindingSamples.Response(), null));

        Assert.That(ex!.Code, Is.EqualTo(SamlErrorCode.BindingDestinationNotAllowed));
    }

    [TestCase("http://127.0.0.1:5001/acs")]
    [TestCase("http://localhost/acs")]
    public void RenderForm_AllowsLoopbackHttp_OnlyWhenTheFlagIsSet(string destination)
    {
        var html = PostBinding.RenderForm(destination, BindingSamples.Response(), null, new PostFormOptions { AllowLoopbackHttp = true });

        Assert.That(html, Does.Contain($"action=\"{destination}\""));
    }

    [Test]
    public void RenderForm_PutsTheNonceOnTheScript_AndTheScriptMatchesItsPublishedHash()
    {
        var html = PostBinding.RenderForm(BindingSamples.RpAcs, BindingSamples.Response(), null, new PostFormOptions { ScriptNonce = "r4nd0m+N/once=" });

        var script = Regex.Match(html, "<script nonce=\"([^\"]*)\">(.*)</script>");
        var hash = "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script.Groups[2].Value))) + "'";

        Assert.Multiple(() =>
        {
            Assert.That(script.Success, Is.True);
            Assert.That(script.Groups[1].Value, Is.EqualTo("r4nd0m&#x2B;N/once="));
            Assert.That(PostBinding.AutoSubmitScriptHash, Is.EqualTo(hash));
        });
    }

    [Test]
    public void RenderForm_UsesTheGivenLanguageAndLabels()
    {
        var options = new PostFormOptions { Language = "cy", Title = "Parhau", Message = "Dewiswch Parhau.", ButtonLabel = "Parhau" };

        var html = PostBinding.RenderForm(BindingSamples.RpAcs, BindingSamples.Response(), null, options);

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("<html lang=\"cy\">"));
            Assert.That(html, Does.Contain("<title>Parhau</title>"));
            Assert.That(html, Does.Contain("<button type=\"submit\">Parhau</button>"));
            Assert.That(html, Does.Not.Contain("RelayState"));
        });
    }

    [Test]
    public void RenderForm_RefusesRelayStateOver80Bytes_AndOtherParameterNames()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => PostBinding.RenderForm(BindingSamples.RpAcs, BindingSamples.Response(), new string('r', 81)), Throws.TypeOf<SamlException>()
                .With.Property(nameof(SamlException.Code)).EqualTo(SamlErrorCode.BindingRelayStateTooLong));
            Assert.That(() => PostBinding.RenderForm(BindingSamples.RpAcs, "\"><x", "AAAA", null), Throws.ArgumentException);
        });
    }
}
