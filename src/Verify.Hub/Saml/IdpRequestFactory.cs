using System.Xml;

using Verify.Hub.Directory;
using Verify.Hub.Journey.Assurance;
using Verify.Saml.Saml;
using Verify.Saml.Samlp;
using Verify.Saml.Xml;

namespace Verify.Hub.Saml;

/// <summary>
/// The hub's AuthnRequest to the chosen IDP (ARCHITECTURE.md step 2): signed by the hub, persistent NameID, the
/// requested level as a minimum, and nothing about the RP — the IDP learns nothing of which service the citizen
/// came from.
/// </summary>
internal sealed class IdpRequestFactory(HubOptions options, HubEndpoints endpoints)
{
    private readonly SigningCredential _signer = SigningCredential.FromCertificate(options.SigningCertificate);

    public XmlDocument Create(HubIdentityProvider idp, string requestId, LevelOfAssurance requestedLevel)
    {
        var request = new AuthnRequest
        {
            Id = requestId,
            IssueInstant = options.TimeProvider.GetUtcNow(),
            Destination = (idp.SingleSignOnService ?? throw new InvalidOperationException("The IDP has no SAML single sign-on service.")).AbsoluteUri,
            Issuer = Issuer.Entity(options.EntityId),
            ProtocolBinding = SamlBindings.HttpPost,
            AssertionConsumerServiceUrl = endpoints.AssertionConsumer.AbsoluteUri,
            NameIdPolicy = new NameIdPolicy { Format = NameIdFormats.Persistent, AllowCreate = true },
            RequestedAuthnContext = new RequestedAuthnContext
            {
                Comparison = AuthnContextComparison.Minimum,
                AuthnContextClassRefs = [requestedLevel.AuthnContext],
            },
        };
        var document = SamlXmlWriter.WriteAuthnRequest(request);
        XmlSigner.Sign(document.DocumentElement!, _signer);
        return document;
    }
}
