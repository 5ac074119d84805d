using System.Xml;

namespace Verify.Saml.Samlp;

/// <summary>
/// A <c>samlp:Status</c> (SAML Core 3.2.2.1). Verify's IDPs say why they did not authenticate in
/// <c>samlp:StatusDetail</c>, as unqualified <c>&lt;StatusValue&gt;</c> elements holding e.g.
/// <c>authn-cancel</c>; those are read into <see cref="DetailValues"/>.
/// </summary>
public sealed record Status
{
    /// <summary>The top-level status code, with its nested second-level codes.</summary>
    public required StatusCode StatusCode { get; init; }

    /// <summary>A message for a human operator; never shown to citizens.</summary>
    public string? StatusMessage { get; init; }

    /// <summary>The text of each unqualified <c>StatusValue</c> child of <c>samlp:StatusDetail</c>, e.g. <c>authn-cancel</c>.</summary>
    public IReadOnlyList<string> DetailValues { get; init; } = [];

    /// <summary>The other children of <c>samlp:StatusDetail</c>, as read.</summary>
    public IReadOnlyList<XmlElement> DetailElements { get; init; } = [];

    /// <summary>Whether the top-level code is <see cref="StatusCodes.Success"/>.</summary>
    public bool IsSuccess => StatusCode.Value == StatusCodes.Success;

    /// <summary>A plain success status.</summary>
    public static Status Success { get; } = new() { StatusCode = new StatusCode(StatusCodes.Success) };

    /// <summary>A status with a top-level code and, optionally, one second-level code.</summary>
    public static Status Of(string topLevel, string? secondLevel = null) => new()
    {
        StatusCode = new StatusCode(topLevel, secondLevel is null ? null : new StatusCode(secondLevel)),
    };
}
