namespace Verify.Web.Localisation;

/// <summary>
/// Open-redirect protection for the language switch's <c>returnUrl</c> (OWASP Unvalidated Redirects and Forwards): only
/// a path on this site is followed, never an absolute URL or anything a browser could read as one.
/// </summary>
public static class LocalReturnUrl
{
    /// <summary>Longer return URLs are refused: no page of ours needs one, and a SAML message must never ride along.</summary>
    public const int MaxLength = 512;

    /// <summary>
    /// True when <paramref name="url"/> is a path on this site: it starts with one <c>/</c> and not <c>//</c> or
    /// <c>/\</c> (protocol-relative URLs to another host), holds no backslash (browsers read it as <c>/</c>), no
    /// control character (browsers strip tab and newlines, so <c>/\t/host</c> becomes <c>//host</c>; CR/LF would split
    /// the Location header) and nothing outside printable ASCII.
    /// </summary>
    public static bool IsLocal(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Length > MaxLength || url[0] != '/')
        {
            return false;
        }

        if (url.Length > 1 && url[1] is '/' or '\\')
        {
            return false;
        }

        foreach (var c in url)
        {
            // Printable ASCII only: a Location header carries nothing else, and no Unicode look-alike slips through.
            if (c is < ' ' or > '~' or '\\')
            {
                return false;
            }
        }

        // The WHATWG URL parser then resolves it against our own origin only.
        return Uri.TryCreate(url, UriKind.Relative, out _);
    }
}
