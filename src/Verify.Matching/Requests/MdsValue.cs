namespace Verify.Matching.Requests;

/// <summary>
/// One matching-dataset value as the local-matching JSON carries it: <c>{value, nonLatinScriptValue?,
/// verified, from?, to?}</c> (VERIFY-REFERENCE.md). <see cref="NonLatinScriptValue"/> is only used on names.
/// </summary>
/// <typeparam name="T">string for names, <see cref="DateOnly"/> for the date of birth, <see cref="MdsGender"/> for gender.</typeparam>
public sealed record MdsValue<T>
{
    /// <summary>The value as the IDP asserted it.</summary>
    public required T Value { get; init; }

    /// <summary>The same name in a non-Latin script, if the IDP gave one.</summary>
    public string? NonLatinScriptValue { get; init; }

    /// <summary>Whether the IDP verified the value against evidence.</summary>
    public bool Verified { get; init; }

    /// <summary>Since when the value held, if known.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Until when the value held; null while it still holds.</summary>
    public DateOnly? To { get; init; }
}
