using System.Xml;

using Microsoft.Extensions.Logging;

using Verify.Matching.Engine;
using Verify.MatchingService.Errors;
using Verify.MatchingService.Logging;
using Verify.MatchingService.Matching;
using Verify.MatchingService.Responses;
using Verify.MatchingService.Validation;
using Verify.Saml.Bindings;
using Verify.Saml.Errors;
using Verify.Saml.Samlp;

namespace Verify.MatchingService.Processing;

/// <summary>
/// Answers one SOAP body from the hub: unwrap (hardened XML, size-capped), validate (<see cref="MatchingQueryValidator"/>),
/// ask the matching logic, write the signed answer. Every outcome, refusals included, is a signed SAML Response and
/// exactly one log line without personal data. Only a match on this path is recorded for cycle 0.
/// </summary>
internal sealed class MatchingQueryHandler(
    MatchingServiceOptions options,
    MatchingQueryValidator validator,
    ILocalMatchingService matching,
    MatchingResponseFactory responses,
    ILogger<MatchingQueryHandler> logger)
{
    /// <summary>The answer to <paramref name="body"/>, received at <paramref name="receivedAt"/>.</summary>
    public async Task<XmlDocument> HandleAsync(byte[] body, string receivedAt, QueryEndpoint endpoint, CancellationToken cancellationToken)
    {
        XmlElement? element = null;
        try
        {
            element = SoapEnvelope.Unwrap(body, options.MaxRequestBytes);
            var query = await validator.ValidateAsync(element, receivedAt, endpoint, cancellationToken).ConfigureAwait(false);
            return await AnswerAsync(query, cancellationToken).ConfigureAwait(false);
        }
        catch (SamlException refused)
        {
            return Refuse(QueryIdOf(element), Refusal.From(refused));
        }
        catch (MatchingServiceException refused)
        {
            return Refuse(QueryIdOf(element), Refusal.From(refused.Code));
        }
        catch (InvalidMatchRequestException)
        {
            // The verified identity breaks the local-matching contract; its fields are not logged.
            return Refuse(QueryIdOf(element), Refusal.From(MatchingServiceErrorCode.MatchRequestInvalid));
        }
        catch (Exception unexpected) when (unexpected is not OperationCanceledException)
        {
            var refusal = Refusal.From(MatchingServiceErrorCode.Internal);
            logger.QueryFailed(QueryIdOf(element) ?? "-", refusal.ErrorId, unexpected.GetType().Name);
            return responses.Refused(QueryIdOf(element), refusal);
        }
    }

    /// <summary>The answer to a request refused before its body was read (too large, not SOAP).</summary>
    public XmlDocument Refuse(string? queryId, Refusal refusal)
    {
        logger.QueryRefused(queryId ?? "-", refusal.ErrorId, refusal.Name);
        return responses.Refused(queryId, refusal);
    }

    private async Task<XmlDocument> AnswerAsync(ValidatedMatchingQuery query, CancellationToken cancellationToken)
    {
        switch (query.Kind)
        {
            case MatchingQueryKind.HealthCheck:
                logger.QueryAnswered(query.QueryId, query.Kind, "healthy", "health check");
                return responses.Healthy(query.QueryId);

            case MatchingQueryKind.AccountCreation:
                var creation = await matching.CreateAccountAsync(MatchRequestMapper.ToAccountCreationRequest(query), cancellationToken).ConfigureAwait(false);
                logger.QueryAnswered(query.QueryId, query.Kind, creation.Succeeded ? "created" : "create-failure", creation.Detail ?? "account created");
                return creation.Succeeded ? responses.AccountCreated(query) : responses.AccountCreationFailed(query);

            default:
                var request = MatchRequestMapper.ToMatchRequest(query);
                var result = await matching.MatchAsync(request, cancellationToken).ConfigureAwait(false);
                if (!result.IsMatch)
                {
                    logger.QueryAnswered(query.QueryId, query.Kind, "no-match", result.Detail);
                    return responses.NoMatch(query);
                }

                // Only a match through the hub's signed query is recorded for cycle 0 (ADR 0007).
                await matching.RecordMatchAsync(request, result, cancellationToken).ConfigureAwait(false);
                logger.QueryAnswered(query.QueryId, query.Kind, "match", result.Detail);
                return responses.Match(query);
        }
    }

    /// <summary>
    /// The query's ID, to answer it by, when the body was an AttributeQuery with a well-formed ID; read from the
    /// element as received, so even a query refused for its signature gets an answer the hub can pair with it.
    /// </summary>
    private static string? QueryIdOf(XmlElement? element) =>
        element is { LocalName: "AttributeQuery" } && element.GetAttribute("ID") is { Length: > 0 and <= 256 } id && IsNcName(id) ? id : null;

    private static bool IsNcName(string value)
    {
        try
        {
            XmlConvert.VerifyNCName(value);
            return true;
        }
        catch (XmlException)
        {
            return false;
        }
    }
}
