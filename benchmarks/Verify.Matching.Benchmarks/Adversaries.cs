using Verify.Matching.Normalisation;
using Verify.Matching.Records;

namespace Verify.Matching.Benchmarks;

/// <summary>
/// People with no record who look like a record holder: the cases where a lenient engine would show one
/// citizen another's records. Each is built from a record holder (the "base"); returns null when the base
/// does not fit (a son needs a father old enough).
/// </summary>
internal sealed class Adversaries(Population population)
{
    public (Assertion Person, (string Type, string Value)? Cycle3)? Make(Category category, int baseIndex, DepartmentRecord record, Rng rng)
    {
        var asserted = Assertion.Of(record);
        var ownNino = (IdentifierTypes.NationalInsuranceNumber, Population.UnrecordedNino(rng));
        record.Identifiers.TryGetValue(IdentifierTypes.NationalInsuranceNumber, out var baseNino);
        switch (category)
        {
            case Category.Twin:
                // Same surname, birth date and home; a first name of their own.
                return (asserted with { FirstName = OtherFirstName(rng, record, population.IsMale(baseIndex) == rng.Chance(0.5)), MiddleNames = null }, ownNino);
            case Category.SonWithFathersName:
                if (!population.IsMale(baseIndex) || record.DateOfBirth.Year > 1985)
                {
                    return null;
                }

                var sonBorn = record.DateOfBirth.AddYears(rng.Next(20, 36)).AddDays(rng.Next(-150, 150));
                return (asserted with { DateOfBirth = sonBorn, MiddleNames = null }, ownNino);
            case Category.NamesakeElsewhere:
                return (asserted with { Addresses = [population.Addresses.Random(rng, new DateOnly(2018, 1, 1))] }, ownNino);
            case Category.HouseholdMemberWithOthersNino:
                if (baseNino is null)
                {
                    return null;
                }

                var years = rng.Next(1, 11) * (rng.Chance(0.5) ? 1 : -1);
                return (asserted with { FirstName = OtherFirstName(rng, record, !population.IsMale(baseIndex)), MiddleNames = null, DateOfBirth = record.DateOfBirth.AddYears(years).AddDays(rng.Next(1, 200)) },
                    (IdentifierTypes.NationalInsuranceNumber, baseNino));
            case Category.SwappedDayAndMonth:
                var dob = record.DateOfBirth;
                if (baseNino is null || dob.Day > 12 || dob.Day == dob.Month)
                {
                    return null;
                }

                return (asserted with { DateOfBirth = new DateOnly(dob.Year, dob.Day, dob.Month) }, (IdentifierTypes.NationalInsuranceNumber, baseNino));
            default:
                throw new ArgumentOutOfRangeException(nameof(category), category, "Not an adversary's category.");
        }
    }

    private string OtherFirstName(Rng rng, DepartmentRecord record, bool male)
    {
        var own = NameNormaliser.FirstName(record.FirstName);
        while (true)
        {
            var candidate = rng.Pick(male ? population.Pools.Male : population.Pools.Female);
            if (!FirstNameVariants.AreCompatible(own, NameNormaliser.FirstName(candidate)))
            {
                return candidate;
            }
        }
    }
}
