using System.Globalization;

using Verify.Saml.Errors;

namespace Verify.Hub.Localisation;

/// <summary>Who sent what the hub refused, which decides what the refusal page says.</summary>
public enum RefusalKind
{
    /// <summary>The RP's AuthnRequest (SSO).</summary>
    Service,

    /// <summary>The IDP's Response (ACS).</summary>
    Company,

    /// <summary>Too many requests (429).</summary>
    TooManyRequests,
}

/// <summary>
/// What a refusal page tells the citizen, in their language (ADR 0015): the page's own texts, one sentence for the
/// error's family (by code, never the integrator's English message from <see cref="SamlErrors"/>), and the reference
/// to quote. A refusal by the journey's rules (<see cref="SamlErrorCode.None"/>) has its own sentence and no reference.
/// Also the page's GET address (<see cref="HubPaths.Error"/>), where the language switch returns to, since the SSO and
/// ACS endpoints cannot be asked again.
/// </summary>
/// <param name="Kind">Who sent the message.</param>
/// <param name="Error">The error, or null when none is known (a bare 429).</param>
public sealed record RefusalNotice(RefusalKind Kind, SamlError? Error)
{
    /// <summary>The <see cref="HubPaths.Error"/> query parameter naming the kind.</summary>
    public const string KindParameter = "kind";

    /// <summary>The <see cref="HubPaths.Error"/> query parameter carrying the reference (VSnnnn).</summary>
    public const string ReferenceParameter = "ref";

    /// <summary>True when the journey's rules refused a valid message: no reference to quote.</summary>
    public bool IsRuleRefusal => Error is { Code: SamlErrorCode.None };

    /// <summary>The reference the citizen can quote (VSnnnn), or null.</summary>
    public string? Reference => Error is { Code: not SamlErrorCode.None } error ? error.Id : null;

    /// <summary>The resource key of the page's title.</summary>
    public string TitleKey => Kind switch
    {
        RefusalKind.Service => "ServiceRefused.Heading",
        RefusalKind.Company => "CompanyRefused.Heading",
        _ => "TooManyRequests.Title",
    };

    /// <summary>The resource key of the sentence for the error's family, or null.</summary>
    public string? FamilyKey => Error is null ? null : FamilyKeyOf(Error.Code);

    /// <summary>This notice's GET address, shown again by the error page.</summary>
    public string Path
    {
        get
        {
            var kind = KindText(Kind);
            return Reference is { } reference
                ? $"{HubPaths.Error}?{KindParameter}={kind}&{ReferenceParameter}={reference}"
                : $"{HubPaths.Error}?{KindParameter}={kind}";
        }
    }

    /// <summary>The family sentence's key: what kind of check failed (SamlErrorCode: 1xxx XML, 2xxx signature, …).</summary>
    public static string? FamilyKeyOf(SamlErrorCode code) => ((int)code / 1000) switch
    {
        1 or 3 or 4 or 6 => "Refusal.Unreadable",
        2 or 7 => "Refusal.Signature",
        5 => "Refusal.Protocol",
        _ => null,
    };

    /// <summary>
    /// Reads a notice back from the error page's query: a known kind, and a reference that names a code of the
    /// catalogue (anything else is refused: the page shows only what the hub itself could have said).
    /// </summary>
    public static RefusalNotice? Parse(string? kind, string? reference)
    {
        RefusalKind? parsed = kind switch
        {
            "service" => RefusalKind.Service,
            "company" => RefusalKind.Company,
            "too-many-requests" => RefusalKind.TooManyRequests,
            _ => null,
        };
        if (parsed is not { } known)
        {
            return null;
        }

        if (string.IsNullOrEmpty(reference))
        {
            // A company answer refused by the rules has no reference; the others always carry one.
            return known switch
            {
                RefusalKind.Company => new RefusalNotice(known, new SamlError(SamlErrorCode.None, "")),
                RefusalKind.TooManyRequests => new RefusalNotice(known, null),
                _ => null,
            };
        }

        if (known == RefusalKind.TooManyRequests
            || reference.Length != 6
            || !reference.StartsWith("VS", StringComparison.Ordinal)
            || !int.TryParse(reference.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || !SamlErrors.All.Contains((SamlErrorCode)number))
        {
            return null;
        }

        return new RefusalNotice(known, SamlErrors.Describe((SamlErrorCode)number));
    }

    private static string KindText(RefusalKind kind) => kind switch
    {
        RefusalKind.Service => "service",
        RefusalKind.Company => "company",
        _ => "too-many-requests",
    };
}
