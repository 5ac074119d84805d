namespace Verify.Matching.Storage.Entities;

/// <summary>A hashed PID linked to a record after a match through the SOAP path; cycle 0 reads it.</summary>
internal sealed class PidLinkEntity
{
    public required string HashedPid { get; set; }

    public long RecordKey { get; set; }

    public required string LevelOfAssurance { get; set; }

    public DateTimeOffset LinkedAt { get; set; }
}
