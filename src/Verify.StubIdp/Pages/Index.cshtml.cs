using Microsoft.AspNetCore.Mvc.RazorPages;

using Verify.StubIdp.Hosting;

namespace Verify.StubIdp.Pages;

/// <summary><c>/</c>: the white-labelled IDPs this stub presents, with their endpoints.</summary>
internal sealed class IndexModel(StubIdpOptions options, StubIdpUrls urls) : PageModel
{
    /// <summary>The IDPs.</summary>
    public IReadOnlyList<WhiteLabelIdp> Idps => options.Idps;

    /// <summary>An IDP's SSO URL.</summary>
    public string SingleSignOn(WhiteLabelIdp idp) => urls.SingleSignOn(idp);
}
