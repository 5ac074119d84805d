using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;

using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Tokens;

using OpenIddict.Client;
using OpenIddict.Client.AspNetCore;

using Verify.Hub.Directory;
using Verify.Hub.Identity;
using Verify.Hub.Journey;
using Verify.Hub.Journey.Model;
using Verify.Hub.Matching;
using Verify.Saml.Samlp;
using Verify.Saml.Validation;

namespace Verify.Hub.Oidc.Client;

/// <summary>
/// Reads an OpenID Connect IDP's answer at the hub's callback (ADR 0022), after OpenIddict has checked the state
/// token, <c>iss</c> (RFC 9207), redeemed the code with <c>private_key_jwt</c> and validated the ID token: the state must
/// carry this journey's binding (journey and request, keyed as the SAML RelayState), and the ID token is checked again
/// by the hub's own rules (<see cref="IdTokenValidator"/>: certified level, fraud indicators, matching dataset).
/// An error answer is trusted only with a valid binding, and then maps to the outcome its SAML status would.
/// </summary>
internal sealed class OidcCallback(HubSecrets secrets, OpenIddictClientService client, HubOptions options, SealedAssertions sealedAssertions)
{
    /// <summary>The state-token item that binds the request to its journey.</summary>
    public const string BindingItem = "verify_binding";

    /// <summary>The authorization request parameter carrying the requested level (one vocabulary with SAML).</summary>
    public const string AcrValuesParameter = "acr_values";

    /// <summary>Verify's detail on an error answer (ADR 0022 "Errors").</summary>
    public const string DetailParameter = "verify_detail";

    /// <summary>Whether a challenge failed because the IDP could not be reached or its discovery document read.</summary>
    public static bool IsIdpUnavailable(Exception exception) =>
        exception is HttpRequestException or TaskCanceledException or InvalidOperationException or Microsoft.IdentityModel.Protocols.Configuration.InvalidConfigurationException
            or OpenIddict.Abstractions.OpenIddictExceptions.ProtocolException;

    /// <summary>The outcome of the answer for the journey's selected IDP.</summary>
    /// <exception cref="OidcClientException">The answer is refused; its code says why.</exception>
    public async Task<IdpAnswerRead> ReadAsync(
        AuthenticateResult result, string? error, string? detail, JourneyRecord journey, SelectedIdp selected, HubIdentityProvider idp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        var items = result.Properties?.Items;
        string? binding = null;
        string? registration = null;
        if (items is null || !items.TryGetValue(BindingItem, out binding) || !items.TryGetValue(OpenIddictClientAspNetCoreConstants.Properties.RegistrationId, out registration)
            || !string.Equals(registration, selected.IdpId, StringComparison.Ordinal) || !secrets.IsIdpRelayState(binding, journey.Id, selected.AuthnRequestId))
        {
            throw new OidcClientException(OidcClientErrorCode.StateMismatch, "The state does not belong to this journey's request.");
        }

        if (!result.Succeeded)
        {
            // An error response (OIDC Core 3.1.2.6) under a valid state: the IDP's answer. Anything else is OpenIddict's refusal.
            if (error is { Length: > 0 and <= 64 } && result.Properties!.Items.TryGetValue(OpenIddictClientAspNetCoreConstants.Properties.Error, out var refused) && refused == error)
            {
                return new IdpAnswerRead(IdpErrorMapping.OutcomeOf(error, detail is { Length: <= 64 } ? detail : null), null, null);
            }

            throw new OidcClientException(OidcClientErrorCode.ResponseRefused, "The authorization response or token exchange was refused.");
        }

        var idToken = result.Properties!.GetTokenValue(OpenIddictClientAspNetCoreConstants.Tokens.BackchannelIdentityToken);
        var answer = await IdTokenValidator.ValidateAsync(
            idToken,
            new ExpectedIdToken
            {
                Issuer = idp.Oidc!.Issuer,
                ClientId = idp.Oidc.ClientId,
                Nonce = SentNonce(result.Properties),
                SigningKeys = await SigningKeysAsync(idp.Oidc.Issuer, cancellationToken).ConfigureAwait(false),
                CertifiedLevels = idp.CertifiedLevels,
                Now = options.TimeProvider.GetUtcNow(),
                UserInfo = UserInfoOf(result.Properties),
            }).ConfigureAwait(false);
        if (answer.IsFraud)
        {
            return new IdpAnswerRead(IdpOutcome.Fraud, null, new FraudEvent(answer.FraudEventId!, answer.Gpg45Status!.Value.ToString()));
        }

        // ADR 0025: for a matching RP the IDP's signed ID token is kept, sealed for the hub, as the matching service's
        // evidence, with the claims only userinfo gave (name and value) listed as the hub's word (ADR 0025 addendum).
        var evidence = journey.Rp.UsesMatching
            ? sealedAssertions.Seal(new MatchingQueryOidcEvidence { Issuer = idp.Oidc.Issuer, IdToken = idToken!, VouchedByHub = answer.VouchedByHub })
            : null;
        return new IdpAnswerRead(IdpOutcome.Success, new IdpIdentity(answer.Subject, answer.Level!, VerifiedIdentity.From(answer.Dataset!).ToJson(), evidence), null);
    }

    // OpenIddict keeps its nonce in the state token and sends its SHA-256 (base64url); the ID token carries what was sent.
    private static string SentNonce(AuthenticationProperties properties)
    {
        var state = properties.GetParameter<ClaimsPrincipal>(OpenIddictClientAspNetCoreConstants.Properties.StateTokenPrincipal);
        var nonce = state?.FindFirst("oi_nce")?.Value
            ?? throw new OidcClientException(OidcClientErrorCode.StateMismatch, "The state carries no nonce.");
        return Base64UrlEncoder.Encode(SHA256.HashData(Encoding.UTF8.GetBytes(nonce)));
    }

    // OpenIddict's client fetched userinfo (OIDC Core 5.3) with the access token when the IDP advertises the endpoint, and
    // checked its sub against the ID token's (OIDC Core 5.3.2); the hub reads the claims from that principal.
    private static UserInfoClaims? UserInfoOf(AuthenticationProperties properties) =>
        properties.GetParameter<ClaimsPrincipal>(OpenIddictClientAspNetCoreConstants.Properties.UserInfoTokenPrincipal) is { } principal
            ? UserInfoClaims.From(principal)
            : null;

    private async Task<IReadOnlyList<SecurityKey>> SigningKeysAsync(string issuer, CancellationToken cancellationToken)
    {
        var registration = await client.GetClientRegistrationByIdAsync(issuer, cancellationToken).ConfigureAwait(false);
        var configuration = await registration.ConfigurationManager!.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
        return [.. configuration.SigningKeys];
    }
}
