namespace Verify.Hub.Journey.Model;

/// <summary>
/// The fraud indicators of a <c>levelX</c> answer (Verify's <c>FECI_IDPFraudEventID</c> and
/// <c>FECI_GPG45Status</c>, e.g. DF01, FI01, IT01), kept for the audit event; never shown to the RP.
/// </summary>
public sealed record FraudEvent
{
    /// <summary>Creates the record.</summary>
    /// <param name="idpFraudEventId">The IDP's fraud event ID.</param>
    /// <param name="gpg45Status">The GPG 45 status code.</param>
    public FraudEvent(string idpFraudEventId, string gpg45Status)
    {
        IdpFraudEventId = Guard.Identifier(idpFraudEventId, nameof(idpFraudEventId));
        Gpg45Status = Guard.Identifier(gpg45Status, nameof(gpg45Status));
    }

    /// <summary>The IDP's fraud event ID.</summary>
    public string IdpFraudEventId { get; }

    /// <summary>The GPG 45 status code.</summary>
    public string Gpg45Status { get; }
}
