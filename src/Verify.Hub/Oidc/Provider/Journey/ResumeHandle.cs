using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

using Microsoft.AspNetCore.DataProtection;

using Verify.Hub.Journey;

namespace Verify.Hub.Oidc.Provider.Journey;

/// <summary>
/// The hub's handle on an ended journey, carried by the citizen's browser from the hub's answer form back to the
/// authorization endpoint (ADR 0021): the journey ID, protected with the nodes' shared data-protection keys for this
/// purpose only, and valid for <see cref="Lifetime"/>. It names the journey; the journey itself (deleted by
/// compare-and-swap when answered) makes it single-use.
/// </summary>
internal sealed class ResumeHandle(IDataProtectionProvider protection, TimeProvider time)
{
    /// <summary>How long the browser has to come back.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    /// <summary>Longest handle read.</summary>
    public const int MaxLength = 512;

    private readonly IDataProtector _protector = protection.CreateProtector("Verify.Hub.Oidc.Provider.ResumeHandle.v1");

    /// <summary>A handle on <paramref name="journey"/>.</summary>
    public string Create(JourneyId journey)
    {
        var id = Encoding.ASCII.GetBytes(journey.Value);
        var payload = new byte[8 + id.Length];
        BinaryPrimitives.WriteInt64BigEndian(payload, (time.GetUtcNow() + Lifetime).ToUnixTimeSeconds());
        id.CopyTo(payload, 8);
        return Base64Url(_protector.Protect(payload));
    }

    /// <summary>The journey named by <paramref name="handle"/>, or null when it is malformed, forged or expired.</summary>
    public JourneyId? Read(string? handle)
    {
        if (string.IsNullOrEmpty(handle) || handle.Length > MaxLength)
        {
            return null;
        }

        try
        {
            var payload = _protector.Unprotect(FromBase64Url(handle));
            if (payload.Length <= 8 || BinaryPrimitives.ReadInt64BigEndian(payload) < time.GetUtcNow().ToUnixTimeSeconds())
            {
                return null;
            }

            return JourneyId.TryParse(Encoding.ASCII.GetString(payload, 8, payload.Length - 8), out var id) ? id : null;
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded + new string('=', (4 - (padded.Length % 4)) % 4));
    }
}
