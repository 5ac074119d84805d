using System.Buffers.Text;
using System.Security.Cryptography;
using System.Xml;

using Verify.Saml.Bindings;
using Verify.Saml.Saml;
using Verify.Saml.Samlp;
using Verify.Saml.Xml;
using Verify.TestRp.RequestState;

namespace Verify.TestRp.Protocol;

/// <summary>
/// Makes the AuthnRequests the RP sends to the hub, and the state to remember for each (SAML Profiles 4.1.4.1), in
/// the two bindings the hub's SSO endpoint takes: HTTP-POST (the request signed as XML) and HTTP-Redirect (the query
/// signed, SAML Bindings 3.4.4.1).
/// </summary>
internal sealed class AuthnRequestFactory(TestRpOptions options, string acsUrl)
{
    /// <summary>A fresh request, for the RP's own registration or <paramref name="service"/>, and the state that will match its answer.</summary>
    public (AuthnRequest Request, PendingRequest Pending) Create(TestRpService? service = null)
    {
        var levels = service?.RequestedLevels ?? options.RequestedLevels;
        var now = options.TimeProvider.GetUtcNow();
        var request = new AuthnRequest
        {
            // SAML Core 1.3.4: a fresh, unguessable ID; the Response must answer exactly this ID (InResponseTo).
            Id = SamlIds.NewId(),
            IssueInstant = now,

            // SAML Bindings 3.4.5.2 / 3.5.5.2: a signed request names where it is sent, so it cannot be replayed elsewhere.
            Destination = options.HubSsoUrl.AbsoluteUri,
            Issuer = Issuer.Entity(service?.EntityId ?? options.EntityId),

            // SAML Core 3.4.1: the URL and binding of our registered ACS (metadata index 0); the hub answers only at a
            // registered ACS, so this names which one rather than telling the hub where to send.
            AssertionConsumerServiceUrl = acsUrl,
            ProtocolBinding = SamlBindings.HttpPost,

            // Hub profile: the RP's identifier for the citizen is the persistent pairwise identifier.
            NameIdPolicy = new NameIdPolicy { Format = NameIdFormats.Persistent, AllowCreate = true },
            RequestedAuthnContext = levels.Count == 0
                ? null
                : new RequestedAuthnContext
                {
                    Comparison = options.RequestedLevelComparison,
                    AuthnContextClassRefs = levels,
                },
        };
        return (request, new PendingRequest(request.Id, NewRelayState(), now, service?.Key));
    }

    /// <summary>The request as a document signed with the RP's key, for the HTTP-POST binding.</summary>
    public XmlDocument SignForPost(AuthnRequest request)
    {
        var document = SamlXmlWriter.WriteAuthnRequest(request);
        XmlSigner.Sign(document.DocumentElement!, options.SigningCredential);
        return document;
    }

    /// <summary>The URL to send the browser to for the HTTP-Redirect binding, the query signed with the RP's key.</summary>
    public string RedirectUrl(AuthnRequest request, string relayState)
    {
        var document = SamlXmlWriter.WriteAuthnRequest(request);
        var loopbackHttp = options.HubSsoUrl.Scheme == Uri.UriSchemeHttp && options.HubSsoUrl.IsLoopback;
        return RedirectBinding.Encode(document, options.HubSsoUrl.AbsoluteUri, relayState, options.SigningCredential, loopbackHttp);
    }

    /// <summary>
    /// An opaque, unguessable RelayState (SAML Bindings 3.4.3 / 3.5.3: at most 80 bytes): 128 random bits, base64url.
    /// It carries no meaning, only a second value the browser must bring back alongside the request cookie.
    /// </summary>
    private static string NewRelayState() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
}
