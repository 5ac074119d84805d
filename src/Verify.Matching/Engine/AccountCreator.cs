using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

using Verify.Matching.Import;
using Verify.Matching.Normalisation;
using Verify.Matching.Records;
using Verify.Matching.Requests;
using Verify.Matching.Storage;
using Verify.Matching.Storage.Entities;

namespace Verify.Matching.Engine;

/// <summary>
/// Account creation: a new record from the verified values of the matching dataset (an unverified
/// value is never written into a department's records), linked to the hashed PID in one transaction.
/// </summary>
internal sealed class AccountCreator(MatchingDatabase database, MatchingOptions options, TimeProvider timeProvider)
{
    private static readonly string[] Levels = ["LEVEL_1", "LEVEL_2", "LEVEL_3", "LEVEL_4"];
    private readonly RecordValidator _validator = new(options.IdentifierTypes, timeProvider);

    public async Task<AccountCreationResult> CreateAsync(AccountCreationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.HashedPid) || request.HashedPid.Length > 256
            || !Levels.Contains(request.LevelOfAssurance, StringComparer.Ordinal))
        {
            return AccountCreationResult.Failed("hashedPid and levelOfAssurance (LEVEL_1 to LEVEL_4) are required");
        }

        if (FromVerifiedValues(request.MatchingDataset) is not { } record)
        {
            return AccountCreationResult.Failed("a verified first name, surname and date of birth are required");
        }

        var errors = _validator.Validate(record);
        if (errors.Count > 0)
        {
            return AccountCreationResult.Failed(string.Join("; ", errors));
        }

        var context = database.CreateContext();
        await using (context.ConfigureAwait(false))
        {
            if (await context.PidLinks.AnyAsync(l => l.HashedPid == request.HashedPid, cancellationToken).ConfigureAwait(false))
            {
                return AccountCreationResult.Failed("the hashed PID is already linked to a record");
            }

            var transaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                try
                {
                    return await WriteAsync(context, transaction, record, request, cancellationToken).ConfigureAwait(false);
                }
                catch (DbUpdateException)
                {
                    // Another node linked the same hashed PID (or used the record ID) meanwhile; the transaction rolls back.
                    return AccountCreationResult.Failed("the hashed PID or the record ID is already in use");
                }
            }
        }
    }

    private async Task<AccountCreationResult> WriteAsync(
        MatchingDbContext context, IDbContextTransaction transaction, DepartmentRecord record, AccountCreationRequest request, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var entity = RecordWriter.ToEntity(record, now);
        context.Records.Add(entity);
        await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        context.PidLinks.Add(new PidLinkEntity
        {
            HashedPid = request.HashedPid!,
            RecordKey = entity.Id,
            LevelOfAssurance = request.LevelOfAssurance!,
            LinkedAt = now,
        });
        await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return AccountCreationResult.Created(record.RecordId);
    }

    private DepartmentRecord? FromVerifiedValues(MatchingDataset? dataset)
    {
        var surnames = dataset?.Surnames?.Where(s => s.Verified && !string.IsNullOrWhiteSpace(s.Value)).ToList() ?? [];
        if (dataset?.FirstName is not { Verified: true } firstName || dataset.DateOfBirth is not { Verified: true } dateOfBirth || surnames.Count == 0)
        {
            return null;
        }

        var current = surnames.Find(s => s.To is null) ?? surnames[0];
        return new DepartmentRecord
        {
            RecordId = options.NewRecordId(),
            FirstName = firstName.Value,
            MiddleNames = dataset.MiddleNames is { Verified: true } middle ? middle.Value : null,
            Surname = current.Value,
            PreviousSurnames = [.. surnames.Where(s => s != current).Select(s => s.Value).Distinct(StringComparer.Ordinal)],
            DateOfBirth = dateOfBirth.Value,
            Gender = dataset.Gender is { Verified: true } gender ? gender.Value : null,
            Addresses = [.. (dataset.Addresses ?? [])
                .Where(a => a.Verified && a.Lines.Count > 0 && PostcodeNormaliser.IsValid(a.PostCode))
                .Select(a => new RecordAddress { Lines = a.Lines, Postcode = a.PostCode!, From = a.From, To = a.To })],
        };
    }
}
