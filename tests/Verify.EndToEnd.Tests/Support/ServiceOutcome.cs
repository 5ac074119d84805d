using Microsoft.Playwright;

namespace Verify.EndToEnd.Tests.Support;

/// <summary>What the test RP's outcome page shows after the hub's answer.</summary>
/// <param name="Proved">True for "You have proved your identity".</param>
/// <param name="Level">The level of assurance (e.g. <c>LEVEL_2</c>) when proved.</param>
/// <param name="PairwiseId">The pairwise identifier when proved.</param>
/// <param name="Attributes">Each attribute's friendly name and its text, when proved.</param>
/// <param name="StatusCode">The SAML status code when not proved.</param>
/// <param name="SubStatusCode">The second-level status when not proved ("None" when absent).</param>
/// <param name="Detail">The status detail values when not proved, if any.</param>
public sealed record ServiceOutcome(
    bool Proved,
    string? Level,
    string? PairwiseId,
    IReadOnlyDictionary<string, string> Attributes,
    string? StatusCode,
    string? SubStatusCode,
    string? Detail)
{
    /// <summary>The registration (entity ID) the test RP checked the answer for, when proved.</summary>
    public string? Registration { get; init; }

    /// <summary>End-to-end: the matching service that signed the assertion the test RP accepted.</summary>
    public string? AssertedBy { get; init; }

    /// <summary>End-to-end: the assertion's NameID, the matching service's hashed PID.</summary>
    public string? HashedPid { get; init; }

    /// <summary>The status message when not proved ("None" when absent): the hub's distinguishing detail.</summary>
    public string? Message { get; init; }

    /// <summary>Reads the test RP's outcome page (<c>src/Verify.TestRp/Pages/Shared</c>).</summary>
    internal static async Task<ServiceOutcome> ReadAsync(IPage page)
    {
        var heading = (await Citizen.Heading(page).InnerTextAsync().ConfigureAwait(false)).Trim();
        if (heading == "You have proved your identity")
        {
            var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var item in await page.Locator("[data-attribute]").AllAsync().ConfigureAwait(false))
            {
                var name = await item.GetAttributeAsync("data-attribute").ConfigureAwait(false);
                attributes[name!] = (await item.InnerTextAsync().ConfigureAwait(false)).Trim();
            }

            var endToEnd = await page.Locator("#asserted-by").CountAsync().ConfigureAwait(false) > 0;
            return new ServiceOutcome(
                true,
                await TextAsync(page, "#level-of-assurance").ConfigureAwait(false),
                endToEnd ? null : await TextAsync(page, "#pairwise-identifier").ConfigureAwait(false),
                attributes,
                null,
                null,
                null)
            {
                Registration = await OptionalTextAsync(page, "#service-entity-id").ConfigureAwait(false),
                AssertedBy = endToEnd ? await TextAsync(page, "#asserted-by").ConfigureAwait(false) : null,
                HashedPid = endToEnd ? await TextAsync(page, "#hashed-pid").ConfigureAwait(false) : null,
            };
        }

        return new ServiceOutcome(
            false,
            null,
            null,
            new Dictionary<string, string>(),
            await TextAsync(page, "#status-code").ConfigureAwait(false),
            await TextAsync(page, "#sub-status-code").ConfigureAwait(false),
            await page.Locator("#status-detail").CountAsync().ConfigureAwait(false) > 0 ? await TextAsync(page, "#status-detail").ConfigureAwait(false) : null)
        {
            Message = await OptionalTextAsync(page, "#status-message").ConfigureAwait(false),
        };
    }

    private static async Task<string?> OptionalTextAsync(IPage page, string selector) =>
        await page.Locator(selector).CountAsync().ConfigureAwait(false) > 0 ? await TextAsync(page, selector).ConfigureAwait(false) : null;

    private static async Task<string> TextAsync(IPage page, string selector) =>
        (await page.Locator(selector).InnerTextAsync().ConfigureAwait(false)).Trim();
}
