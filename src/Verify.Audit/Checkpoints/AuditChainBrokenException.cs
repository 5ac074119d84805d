using Verify.Audit.Verification;

namespace Verify.Audit.Checkpoints;

/// <summary>
/// The checkpointer refused to sign: the chain does not extend the last checkpoint (an event was changed or deleted
/// since), so signing its head would vouch for the change. Run <c>verify audit verify</c> and investigate.
/// </summary>
public sealed class AuditChainBrokenException : Exception
{
    /// <summary>A refusal with what was found.</summary>
    public AuditChainBrokenException(AuditVerificationResult result)
        : base((result ?? throw new ArgumentNullException(nameof(result))).Message)
    {
        Result = result;
    }

    /// <summary>A refusal with a message only.</summary>
    public AuditChainBrokenException(string message)
        : base(message)
    {
    }

    /// <summary>A refusal with a message and its cause.</summary>
    public AuditChainBrokenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>A refusal without detail.</summary>
    public AuditChainBrokenException()
        : base("The audit chain does not extend the last checkpoint.")
    {
    }

    /// <summary>What was found, when known.</summary>
    public AuditVerificationResult? Result { get; }
}
