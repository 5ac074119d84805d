using System.Security.Cryptography;
using System.Text;

namespace Verify.Saml.Saml;

/// <summary>
/// GOV.UK Verify's hashed PID (VERIFY-REFERENCE.md "Hashed PID"): the identifier a matching service gives a citizen,
/// <c>hex(SHA-256(UTF-8(IDP entity ID + hashing entity ID + IDP PID)))</c>, with the level's name (e.g.
/// <c>LEVEL_1</c>) appended to the hashed text when the level is not <c>LEVEL_2</c>. Unkeyed, for compatibility with
/// departments that stored Verify's values; the hub's own pairwise identifier is keyed (ADR 0010).
/// </summary>
public static class HashedPid
{
    /// <summary>The hashed PID, 64 lowercase hex characters.</summary>
    /// <param name="idpEntityId">The entity ID of the IDP that issued the PID.</param>
    /// <param name="hashingEntityId">The matching service's entity ID (or the RP's configured hashing entity).</param>
    /// <param name="pid">The IDP's persistent NameID value.</param>
    /// <param name="levelOfAssurance">The level the citizen authenticated at, <c>LEVEL_1</c> to <c>LEVEL_4</c>.</param>
    /// <exception cref="ArgumentException">An input is empty, or the level is not one of the four.</exception>
    public static string Compute(string idpEntityId, string hashingEntityId, string pid, string levelOfAssurance)
    {
        ArgumentException.ThrowIfNullOrEmpty(idpEntityId);
        ArgumentException.ThrowIfNullOrEmpty(hashingEntityId);
        ArgumentException.ThrowIfNullOrEmpty(pid);
        if (!AssuranceLevels.IsLevel(levelOfAssurance))
        {
            throw new ArgumentException("Not a level of assurance (LEVEL_1 to LEVEL_4).", nameof(levelOfAssurance));
        }

        // Verify's matching service adapter (UserIdHashFactory): LEVEL_2 keeps the original three-part text, so the
        // values departments stored before levels were added stay valid; every other level appends its name.
        var text = levelOfAssurance == AssuranceLevels.Level2
            ? idpEntityId + hashingEntityId + pid
            : idpEntityId + hashingEntityId + pid + levelOfAssurance;
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
