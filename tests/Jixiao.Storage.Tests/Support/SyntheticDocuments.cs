using Jixiao.Domain.Model;

namespace Jixiao.Storage.Tests.Support;

/// <summary>
/// Many documents made by varying the seed documents: copy <c>c</c> renames every unit for its group of
/// four copies (<c>（合成00012）</c>), shifts the years by 2 per copy in the group (so each synthetic unit has
/// its projects over eight years, linked across years), multiplies declared funds by 1–3 (sums stay exact)
/// and gets a source name of its own. Shared by the storage tests and the import benchmark.
/// </summary>
public static class SyntheticDocuments
{
    public static IEnumerable<DisclosureDocument> Generate(IReadOnlyList<DisclosureDocument> seeds, int copies)
    {
        for (var copy = 0; copy < copies; copy++)
        {
            foreach (var seed in seeds)
            {
                yield return Vary(seed, copy);
            }
        }
    }

    public static DisclosureDocument Vary(DisclosureDocument seed, int copy)
    {
        var suffix = $"（合成{copy / 4:D5}）";
        var shift = copy % 4 * 2;
        var factor = 1 + copy % 3;
        var forms = seed.Forms.Select(f => f with
        {
            Unit = f.Unit + suffix,
            Year = f.Year + shift,
            Funds = f.Funds is { } m ? new Funds(m.AnnualTotal * factor, m.CurrentYear * factor, m.CarryOver * factor, m.Other * factor) : null,
        }).ToList();
        return new DisclosureDocument($"synthetic-{copy:D5}-{seed.Source}", forms, seed.Diagnostics);
    }
}
