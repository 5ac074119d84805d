namespace Verify.TestRp.Outcomes;

/// <summary>One attribute the hub asserted, ready to show.</summary>
/// <param name="FriendlyName">The attribute's FriendlyName (or the hub's name for it, or its Name).</param>
/// <param name="Name">The attribute's Name URI.</param>
/// <param name="Values">Each value as text; a postal address as its lines.</param>
internal sealed record IdentityAttribute(string FriendlyName, string Name, IReadOnlyList<IReadOnlyList<string>> Values);
