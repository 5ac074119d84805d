using Verify.Matching.Requests;

namespace Verify.Matching.Records;

/// <summary>
/// One person as the department knows them: the unit of the JSON Lines import format (README.md)
/// and of account creation. Values are kept as given; the normalised forms and blocking keys are
/// computed when the record is written (<see cref="Storage.RecordWriter"/>).
/// </summary>
public sealed record DepartmentRecord
{
    /// <summary>The department's own identifier for the person, unique in the store; at most 64 characters.</summary>
    public required string RecordId { get; init; }

    /// <summary>The first name.</summary>
    public required string FirstName { get; init; }

    /// <summary>Middle names, space-separated, if any.</summary>
    public string? MiddleNames { get; init; }

    /// <summary>The current surname.</summary>
    public required string Surname { get; init; }

    /// <summary>Surnames the person was known by before (maiden name, earlier married names).</summary>
    public IReadOnlyList<string> PreviousSurnames { get; init; } = [];

    /// <summary>The date of birth; matching requires it exactly.</summary>
    public required DateOnly DateOfBirth { get; init; }

    /// <summary>The gender, if the department records one; not used for matching.</summary>
    public MdsGender? Gender { get; init; }

    /// <summary>Current and previous addresses; an address without <see cref="RecordAddress.To"/> is current.</summary>
    public IReadOnlyList<RecordAddress> Addresses { get; init; } = [];

    /// <summary>Identifiers usable in cycle 3, by type name (<see cref="IdentifierTypes"/>).</summary>
    public IReadOnlyDictionary<string, string> Identifiers { get; init; } = new Dictionary<string, string>();
}
