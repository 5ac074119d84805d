namespace Verify.Audit.Events;

/// <summary>
/// The IDP answered with a fraud response (LEVEL_X with fraud indicators, ARCHITECTURE.md step 3). Never reported to
/// the RP as success.
/// </summary>
public sealed record FraudDetected : IdpEvent
{
    /// <summary>The IDP's fraud event ID (<c>FECI_IDPFraudEventID</c>), keyed-hashed: the IDP can link it to a person.</summary>
    public required KeyedHash FraudEvent { get; init; }

    /// <summary>The GPG45 status (<c>FECI_GPG45Status</c>: DF01, FI01, IT01).</summary>
    public required AuditCode Gpg45Status { get; init; }
}
