using Verify.Matching.Engine;

namespace Verify.Matching.Benchmarks;

/// <summary>Outcomes for one category: correct matches, false matches and multiple-candidate answers, after cycle 1 and after cycle 3.</summary>
internal sealed class Tally
{
    public int Probes { get; private set; }

    public int Cycle1Correct { get; private set; }

    public int Cycle1False { get; private set; }

    public int FinalCorrect { get; private set; }

    public int FinalFalse { get; private set; }

    public int MultipleCandidates { get; private set; }

    public void Add(string? expected, MatchResult cycle1, MatchResult? cycle3)
    {
        Probes++;
        var c1Correct = cycle1.IsMatch && expected is not null && cycle1.RecordId == expected;
        var c1False = cycle1.IsMatch && !c1Correct;
        Cycle1Correct += c1Correct ? 1 : 0;
        Cycle1False += c1False ? 1 : 0;
        var final = cycle1.IsMatch ? cycle1 : cycle3 ?? cycle1;
        var finalCorrect = final.IsMatch && expected is not null && final.RecordId == expected;
        FinalCorrect += finalCorrect ? 1 : 0;
        FinalFalse += final.IsMatch && !finalCorrect ? 1 : 0;
        MultipleCandidates += (cycle1.Outcome == MatchOutcome.MultipleCandidates ? 1 : 0) + (cycle3?.Outcome == MatchOutcome.MultipleCandidates ? 1 : 0);
    }

    public void AddAll(Tally other)
    {
        Probes += other.Probes;
        Cycle1Correct += other.Cycle1Correct;
        Cycle1False += other.Cycle1False;
        FinalCorrect += other.FinalCorrect;
        FinalFalse += other.FinalFalse;
        MultipleCandidates += other.MultipleCandidates;
    }
}
