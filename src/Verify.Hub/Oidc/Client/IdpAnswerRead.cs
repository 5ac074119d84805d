using Verify.Hub.Journey.Model;
using Verify.Saml.Validation;

namespace Verify.Hub.Oidc.Client;

/// <summary>An OpenID Connect IDP's answer as the journey takes it: the outcome, and the identity or fraud report it carries.</summary>
internal sealed record IdpAnswerRead(IdpOutcome Outcome, IdpIdentity? Identity, FraudEvent? Fraud);
