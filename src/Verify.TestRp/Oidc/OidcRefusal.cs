using OpenIddict.Client.AspNetCore;

namespace Verify.TestRp.Oidc;

/// <summary>
/// Why a callback was refused, shown on a 400 page: OpenIddict's error and its stable error ID (<c>ID2xxx</c>), or the
/// test RP's own check. Never text taken from the refused message.
/// </summary>
/// <param name="Code">The OAuth error, or the RP's own stable word (<c>acr_not_requested</c>…).</param>
/// <param name="Id">OpenIddict's error ID (from its error URI), or the RP's check name.</param>
/// <param name="Reason">What failed, in words the RP (or OpenIddict) wrote.</param>
internal sealed record OidcRefusal(string Code, string Id, string Reason)
{
    /// <summary>OpenIddict's refusal, from a failed authentication's items: its error, its stable ID (the last segment of its error URI).</summary>
    public static OidcRefusal FromOpenIddict(IDictionary<string, string?>? items, string fallbackReason)
    {
        var error = Item(items, OpenIddictClientAspNetCoreConstants.Properties.Error) ?? "invalid_request";
        var uri = Item(items, OpenIddictClientAspNetCoreConstants.Properties.ErrorUri);
        var id = uri is not null && Uri.TryCreate(uri, UriKind.Absolute, out var parsed) ? parsed.Segments[^1] : error;
        return new OidcRefusal(error, id, Item(items, OpenIddictClientAspNetCoreConstants.Properties.ErrorDescription) ?? fallbackReason);
    }

    /// <summary>A non-empty item, or null.</summary>
    public static string? Item(IDictionary<string, string?>? items, string key) =>
        items is not null && items.TryGetValue(key, out var value) && !string.IsNullOrEmpty(value) ? value : null;
}
