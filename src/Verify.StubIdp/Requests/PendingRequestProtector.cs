using System.Security.Cryptography;
using System.Text.Json;

using Microsoft.AspNetCore.DataProtection;

namespace Verify.StubIdp.Requests;

/// <summary>
/// Carries a <see cref="PendingRequest"/> from the SSO endpoint to the login page and back without server state: the
/// request is serialised and sealed with ASP.NET Core Data Protection (authenticated encryption), under a purpose
/// that names the IDP, so it can be neither read, altered, forged nor moved to another white-labelled IDP.
/// </summary>
/// <remarks>
/// Why not a server-side store: nothing to bound, sweep or share between nodes, and a browser that never comes back
/// costs nothing. Why not <c>ToTimeLimitedDataProtector</c>: its expiry reads the system clock, and every time in
/// the stub comes from the injected <see cref="TimeProvider"/> (ARCHITECTURE.md), so the age is checked here from
/// <see cref="PendingRequest.ReceivedAt"/>. That a request is answered once is recorded separately, by request ID.
/// </remarks>
internal sealed class PendingRequestProtector(IDataProtectionProvider provider, StubIdpOptions options)
{
    private const string Purpose = "Verify.StubIdp.PendingRequest.v1";

    // A sealed request is a few hundred characters; anything far longer is not one of ours.
    private const int MaxTokenLength = 8 * 1024;

    /// <summary>The sealed form of <paramref name="pending"/>, safe in a URL and a form field.</summary>
    public string Protect(PendingRequest pending)
    {
        ArgumentNullException.ThrowIfNull(pending);
        return provider.CreateProtector(Purpose, pending.Slug).Protect(JsonSerializer.Serialize(pending));
    }

    /// <summary>The pending request sealed in <paramref name="token"/> for the IDP <paramref name="slug"/>, or null.</summary>
    /// <param name="slug">The IDP whose page received the token.</param>
    /// <param name="token">The sealed request, as posted.</param>
    /// <param name="problem">Why there is none: safe to log and to show.</param>
    public PendingRequest? Unprotect(string slug, string? token, out string? problem)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            problem = "There is no sign-in request to answer.";
            return null;
        }

        PendingRequest? pending;
        try
        {
            pending = JsonSerializer.Deserialize<PendingRequest>(provider.CreateProtector(Purpose, slug).Unprotect(token));
        }
        catch (Exception ex) when (ex is CryptographicException or JsonException or FormatException)
        {
            problem = "The sign-in request is not valid here: it was altered, or it belongs to another identity provider.";
            return null;
        }

        if (pending is null || !string.Equals(pending.Slug, slug, StringComparison.Ordinal))
        {
            problem = "The sign-in request belongs to another identity provider.";
            return null;
        }

        var age = options.TimeProvider.GetUtcNow() - pending.ReceivedAt;
        if (age > options.PendingRequestLifetime || age < -options.RequestValidation.ClockSkew)
        {
            problem = "The sign-in request has expired. Start again from the service.";
            return null;
        }

        problem = null;
        return pending;
    }
}
