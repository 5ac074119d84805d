namespace Verify.Saml.Bindings;

/// <summary>
/// How the HTTP-POST form page is rendered: the CSP nonce for its one script, the page language and
/// the words on it (the hub passes localised text; the defaults are English).
/// </summary>
public sealed record PostFormOptions
{
    /// <summary>English text, no nonce, https destinations only.</summary>
    public static PostFormOptions Default { get; } = new();

    /// <summary>
    /// The nonce of the page's Content-Security-Policy <c>script-src 'nonce-…'</c>, put on the auto-submit
    /// script. Alternatively allow <see cref="PostBinding.AutoSubmitScriptHash"/> in the policy.
    /// </summary>
    public string? ScriptNonce { get; init; }

    /// <summary>The page's <c>lang</c> (<c>en</c>, <c>cy</c>…).</summary>
    public string Language { get; init; } = "en";

    /// <summary>The page title.</summary>
    public string Title { get; init; } = "Continue";

    /// <summary>The text shown above the button, read by anyone whose browser does not submit by itself.</summary>
    public string Message { get; init; } = "Select Continue to carry on.";

    /// <summary>The label of the submit button.</summary>
    public string ButtonLabel { get; init; } = "Continue";

    /// <summary>Development only: also allow <c>http://localhost</c> and <c>http://127.0.0.1</c> destinations.</summary>
    public bool AllowLoopbackHttp { get; init; }
}
