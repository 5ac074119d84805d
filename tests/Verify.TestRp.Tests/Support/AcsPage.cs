using System.Net;

namespace Verify.TestRp.Tests.Support;

/// <summary>What the ACS answered: the status, the page, and the cookies it set or cleared.</summary>
internal sealed record AcsPage(HttpStatusCode Status, string Html, IReadOnlyList<string> SetCookies)
{
    public string? ErrorCode => Support.Html.TextById(Html, "error-code");

    public string? ErrorName => Support.Html.TextById(Html, "error-name");

    public string? ErrorReason => Support.Html.TextById(Html, "error-reason");

    public static async Task<AcsPage> ReadAsync(HttpResponseMessage response) => new(
        response.StatusCode,
        await response.Content.ReadAsStringAsync(),
        response.Headers.TryGetValues("Set-Cookie", out var values) ? [.. values] : []);

    public override string ToString() => $"{(int)Status} {ErrorCode} {ErrorName} {ErrorReason}";
}
