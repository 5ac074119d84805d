using Verify.Audit.Events;

namespace Verify.Audit.Tests.Support;

/// <summary>Events as the hub would raise them, with identifiers hashed under a fixed test audit key.</summary>
internal static class TestEvents
{
    public const string JourneyId = "Jx7dQm2w9KkZtq4VbN0pLw";
    public const string PairwiseId = "3f1c0a9e-pairwise-subject-for-rp";
    public const string RequestId = "_a1b2c3d4e5f6-authn-request";
    public const string FraudEventId = "idp-fraud-event-778899";

    public static readonly AuditEntityId Rp = AuditEntityId.Parse("https://rp.test/saml");
    public static readonly AuditEntityId Idp = AuditEntityId.Parse("https://idp.test/saml");
    public static readonly AuditEntityId MatchingService = AuditEntityId.Parse("https://ms.test/saml");

    public static DateTimeOffset Now { get; } = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A hasher under a fixed 32-byte test key.</summary>
    public static AuditHasher Hasher { get; } = new([.. Enumerable.Range(1, 32).Select(i => (byte)i)]);

    public static KeyedHash Journey => Hasher.Journey(JourneyId);

    /// <summary>One event of every type, every optional property set.</summary>
    public static IReadOnlyList<AuditEvent> OneOfEach(TimeProvider clock)
    {
        AuditStamp Stamp() => AuditStamp.Create(clock);
        var journey = Journey;
        var pairwise = Hasher.PairwiseId(PairwiseId);
        var request = Hasher.Request(RequestId);
        return
        [
            new SessionStarted { Stamp = Stamp(), Journey = journey, RelyingParty = Rp, Protocol = AuditProtocol.Saml, RequestedLevel = AssuranceLevel.Level2, Request = request },
            new IntentDeclared { Stamp = Stamp(), Journey = journey, RelyingParty = Rp, Intent = AuditIntent.Registration },
            new IdpSelected { Stamp = Stamp(), Journey = journey, RelyingParty = Rp, IdentityProvider = Idp, RequestedLevel = AssuranceLevel.Level2 },
            new IdpAuthnSucceeded { Stamp = Stamp(), Journey = journey, RelyingParty = Rp, IdentityProvider = Idp, Level = AssuranceLevel.Level2, PairwiseId = pairwise },
            new IdpAuthnCancelled { Stamp = Stamp(), Journey = journey, RelyingParty = Rp, IdentityProvider = Idp },
            new IdpAuthnFailed { Stamp = Stamp(), Journey = journey, RelyingParty = Rp, IdentityProvider = Idp, StatusCode = AuditCode.Parse("urn:oasis:names:tc:SAML:2.0:status:AuthnFailed") },
            new IdpRequesterError { Stamp = Stamp(), Journey = journey, RelyingParty = Rp, IdentityProvider = Idp, StatusCode = AuditCode.Parse("urn:oasis:names:tc:SAML:2.0:status:Requester") },
            new IdpAuthnPending { Stamp = Stamp(), Journey = journey, RelyingParty = Rp, IdentityProvider = Idp },
            new IdpUpliftFailed { Stamp = Stamp(), Journey = journey, RelyingParty = Rp, IdentityProvider = Idp, RequestedLevel = AssuranceLevel.Level2 },
            new FraudDetected { Stamp = Stamp(), Journey = journey, RelyingParty = Rp, IdentityProvider = Idp, FraudEvent = Hasher.FraudEvent(FraudEventId), Gpg45Status = AuditCode.Parse("DF01") },
            new ResponseSentToRp { Stamp = Stamp(), Journey = journey, RelyingParty = Rp, Outcome = AuditCode.Parse("Success"), Level = AssuranceLevel.Level2, PairwiseId = pairwise, IdentityProvider = Idp },
            new JourneyCancelled { Stamp = Stamp(), Journey = journey, RelyingParty = Rp, State = AuditCode.Parse("AwaitingCycle3DataState") },
            new JourneyTimedOut { Stamp = Stamp(), Journey = journey, RelyingParty = Rp, State = AuditCode.Parse("IdpSelectedState") },
            new AuthnRequestRefused { Stamp = Stamp(), Protocol = AuditProtocol.Saml, ErrorCode = AuditCode.Parse("VERIFY-SAML-0101"), Issuer = Rp, Request = request },
            new IdpResponseRefused { Stamp = Stamp(), ErrorCode = AuditCode.Parse("VERIFY-SAML-0203"), Journey = journey, RelyingParty = Rp, Issuer = Idp, Request = request },
            new JourneyStepRefused { Stamp = Stamp(), Journey = journey, RelyingParty = Rp, State = AuditCode.Parse("SessionStartedState"), Step = AuditCode.Parse("IdpResponse"), ErrorCode = AuditCode.Parse("VERIFY-JOURNEY-0001") },
            new MatchRequestSent { Stamp = Stamp(), Journey = journey, RelyingParty = Rp, MatchingService = MatchingService, Cycle = MatchCycle.Cycle0And1 },
            new MatchResponseReceived { Stamp = Stamp(), Journey = journey, RelyingParty = Rp, MatchingService = MatchingService, Outcome = AuditCode.Parse("Match") },
            new FederationConfigurationChanged { Stamp = Stamp(), Change = AuditCode.Parse("Added"), Party = Rp, Revision = 7 },
        ];
    }

    /// <summary>A plain event for chain tests: the <paramref name="index"/>th IdpSelected of a journey.</summary>
    public static AuditEvent Selected(TimeProvider clock, int index = 0) => new IdpSelected
    {
        Stamp = AuditStamp.Create(clock),
        Journey = Hasher.Journey(JourneyId + index.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        RelyingParty = Rp,
        IdentityProvider = Idp,
        RequestedLevel = AssuranceLevel.Level2,
    };
}
