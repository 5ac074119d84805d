using System.Globalization;

namespace Verify.Matching.Benchmarks;

/// <summary>Makes the probes: <c>perCategory</c> per category, each from a record holder drawn with the seed.</summary>
internal sealed class ProbeGenerator(Population population, int seed, int perCategory)
{
    private readonly GenuineVariations _variations = new(population);
    private readonly Adversaries _adversaries = new(population);

    public List<Probe> Generate()
    {
        var probes = new List<Probe>();
        foreach (var category in Enum.GetValues<Category>())
        {
            var rng = Rng.For(seed, (int)category, stream: 20);
            var made = 0;
            for (var attempt = 0; made < perCategory && attempt < perCategory * 200; attempt++)
            {
                var index = rng.Next(population.Size);
                var record = population.Record(index);
                var id = string.Create(CultureInfo.InvariantCulture, $"{category}-{made}");
                var pid = "pid-" + id;
                if (category.IsAdversary())
                {
                    if (_adversaries.Make(category, index, record, rng) is not { } adversary)
                    {
                        continue;
                    }

                    probes.Add(new Probe(
                        category,
                        adversary.Person.ToRequest(id, pid),
                        adversary.Cycle3 is { } c ? adversary.Person.ToRequest(id, pid, c) : null,
                        null));
                }
                else
                {
                    if (_variations.Vary(category, record, rng) is not { } asserted)
                    {
                        continue;
                    }

                    var cycle3 = GenuineVariations.Cycle3Input(record, rng);
                    probes.Add(new Probe(
                        category,
                        asserted.ToRequest(id, pid),
                        cycle3 is { } c ? asserted.ToRequest(id, pid, c) : null,
                        record.RecordId));
                }

                made++;
            }
        }

        return probes;
    }
}
