using Jixiao.Domain.Values;
using Jixiao.Formats.Disclosure;
using Jixiao.Formats.Layout;

namespace Jixiao.Formats.Raw;

/// <summary>
/// 项目性质 and 项目类别 untangled. Their cells stand side by side on one line, and a value wrapped in a narrow
/// column (LibreOffice, Chromium) comes out with the neighbour's value between its pieces (其他经常性项 其他运转类 目)
/// or its rest glued to the neighbour (经常性专项 / 特定目标类业务费), or with the next cell's text after it
/// (其他经常性项目上海市…). Both take values from the budget system's short closed lists; a value that is not
/// on its list is cut back into list words only when the cut gives exactly such words, else left as read.
/// Every cut is a diagnostic.
/// </summary>
public static class RawHeadWords
{
    private static readonly IReadOnlyList<string> Natures = ProjectLists.PrintedNatures;

    private static readonly IReadOnlyList<string> Categories = ProjectLists.Categories;

    internal static void Untangle(List<(Field Field, string Value, int Line)> fields, DiagnosticBag diagnostics)
    {
        var n = fields.FindIndex(f => f.Field == Field.Nature);
        var c = fields.FindIndex(f => f.Field == Field.Category);
        var nature = n >= 0 ? fields[n].Value.Trim() : null;
        var category = c >= 0 ? fields[c].Value.Trim() : null;
        var natureOk = nature is not null && Natures.Contains(nature);
        var categoryOk = category is not null && Categories.Contains(category);
        if (natureOk && categoryOk)
        {
            return;
        }

        string? newNature = null, newCategory = null;
        // The two values under each other's labels (the cells printed in the other order: 项目类别 before 项目性质).
        if (nature is not null && category is not null && Categories.Contains(nature) && Natures.Contains(category))
        {
            newNature = category;
            newCategory = nature;
        }

        // One value split around the other (其他经常性项 其他运转类 目) or followed by it: both words in one.
        foreach (var text in new[] { nature, category })
        {
            if (text is null || newNature is not null)
            {
                continue;
            }

            foreach (var cat in Categories)
            {
                var at = text.IndexOf(cat, StringComparison.Ordinal);
                if (at >= 0 && Natures.Contains(text.Remove(at, cat.Length)))
                {
                    newNature = text.Remove(at, cat.Length);
                    newCategory = cat;
                    break;
                }
            }
        }

        // A value's rest glued to its neighbour (经常性专项 and 特定目标类业务费, or 特定目标类项目 after 其他经常性).
        if (newNature is null && nature is not null && category is not null && !natureOk && !categoryOk)
        {
            foreach (var cat in Categories)
            {
                if (category.StartsWith(cat, StringComparison.Ordinal) && Natures.Contains(nature + category[cat.Length..]))
                {
                    newNature = nature + category[cat.Length..];
                    newCategory = cat;
                }
                else if (category.EndsWith(cat, StringComparison.Ordinal) && Natures.Contains(nature + category[..^cat.Length]))
                {
                    // The rest printed before the neighbour's value (其他经常性 / 项目特定目标类).
                    newNature = nature + category[..^cat.Length];
                    newCategory = cat;
                }
            }
        }

        // A list word followed by a neighbour's text (其他经常性项目上海市…): the word alone.
        if (newNature is null && newCategory is null)
        {
            newNature = natureOk || nature is null ? null : Natures.Where(w => nature.StartsWith(w, StringComparison.Ordinal)).MaxBy(w => w.Length);
            newCategory = categoryOk || category is null ? null : Categories.FirstOrDefault(w => category.StartsWith(w, StringComparison.Ordinal));
        }

        Set(Field.Nature, n, nature, natureOk, newNature);
        Set(Field.Category, c, category, categoryOk, newCategory);

        void Set(Field field, int index, string? old, bool ok, string? value)
        {
            if (value is null || ok || value == old)
            {
                return;
            }

            var line = index >= 0 ? fields[index].Line : fields.Count > 0 ? fields[0].Line : 0;
            if (index >= 0)
            {
                fields[index] = (field, value, line);
            }
            else
            {
                fields.Add((field, value, line));
            }

            diagnostics.Info(line, DiagnosticCodes.OrphanText, $"第{line}行：“{Labels.Fields[field][0]}”的值“{old}”与相邻的值交错印出，按“{value}”读取。");
        }
    }
    /// <summary>
    /// A 项目性质 or 项目类别 still without a value takes a list word printed apart from its label: its label
    /// cut around it (项目 特定目标类 … 类别, Chromium) or the value printed in another field's place
    /// (LibreOffice: 其他运转类 among 实施单位's lines, read as the unit). A list word is no unit's or
    /// department's value.
    /// </summary>
    internal static void Unlabelled(List<(Field Field, string Value, int Line)> fields, List<RawItem> head, DiagnosticBag diagnostics)
    {
        // The project's name and a list field read into each other's places (项目名称 and 项目类别 on one line band,
        // Chromium): the list word is the list field's, the other text the name.
        foreach (var (field, words) in new[] { (Field.Nature, Natures), (Field.Category, Categories) })
        {
            var name = fields.FindIndex(f => f.Field == Field.Name);
            var list = fields.FindIndex(f => f.Field == field);
            if (name >= 0 && list >= 0 && words.Contains(fields[name].Value.Trim()) && fields[list].Value.Trim().Length > 0
                && !Natures.Contains(fields[list].Value.Trim()) && !Categories.Contains(fields[list].Value.Trim()))
            {
                (fields[name], fields[list]) = ((Field.Name, fields[list].Value, fields[name].Line), (field, fields[name].Value.Trim(), fields[list].Line));
                diagnostics.Info(fields[name].Line, DiagnosticCodes.OrphanText, $"第{fields[name].Line}行：“项目名称”读到“{fields[list].Value}”，与“{Labels.Fields[field][0]}”的值互换。");
            }
        }

        Take(Field.Nature, Natures);
        Take(Field.Category, Categories);

        void Take(Field field, IReadOnlyList<string> words)
        {
            if (fields.Any(f => f.Field == field && f.Value.Trim().Length > 0))
            {
                return;
            }

            // Not the project's name: it names the form, and a form without one is no form (its value was shifted
            // there by the order of its neighbours, which the name's place keeps better than a guess).
            var misplaced = fields.FindIndex(f => f.Field is not (Field.Nature or Field.Category or Field.Name) && words.Contains(f.Value.Trim()));
            string? value = null;
            var line = 0;
            if (misplaced >= 0)
            {
                (value, line) = (fields[misplaced].Value.Trim(), fields[misplaced].Line);
                diagnostics.Info(line, DiagnosticCodes.OrphanText, $"第{line}行：“{value}”是“{Labels.Fields[field][0]}”的值，不是“{Labels.Fields[fields[misplaced].Field][0]}”的。");
                fields.RemoveAt(misplaced);
            }
            else
            {
                var taken = fields.Select(f => f.Value.Trim()).ToHashSet();
                var found = head.Where(i => i.Kind == RawKind.Value && words.Contains(i.Text.Trim()) && !taken.Contains(i.Text.Trim())).ToList();
                if (found.Count != 1)
                {
                    return;
                }

                (value, line) = (found[0].Text.Trim(), found[0].Line);
                diagnostics.Info(line, DiagnosticCodes.OrphanText, $"第{line}行：“{value}”不在标签旁，按“{Labels.Fields[field][0]}”读取。");
            }

            fields.RemoveAll(f => f.Field == field);
            fields.Add((field, value, line));
        }
    }
    /// <summary>Marks of a sentence: a goal's text has them, a unit's or a department's name never.</summary>
    private static readonly char[] SentenceMarks = ['。', '，', '；'];

    /// <summary>
    /// A unit's or department's name, or a 项目性质 or 项目类别 list word, and a goal read into each other's places
    /// (Chromium prints a taller goal cell's text before the unit's value when both fall on one line band;
    /// gen59-023-chromium, gen0-033-chromium: the goal under 项目性质 or 项目类别, the list word or nothing under
    /// the goal): the name is the one without sentence marks. Swapped only when the name's place holds
    /// sentences and the goal's none. Run before the list words are untangled, which then see the word.
    /// </summary>
    internal static void Sentences(List<(Field Field, string Value, int Line)> fields, DiagnosticBag diagnostics)
    {
        foreach (var name in new[] { Field.Unit, Field.Department, Field.Nature, Field.Category })
        {
            foreach (var text in new[] { Field.Goal, Field.ExpectedGoal, Field.Outcome })
            {
                var a = fields.FindIndex(f => f.Field == name);
                var b = fields.FindIndex(f => f.Field == text);
                if (a < 0 || b < 0 || fields[a].Value.IndexOfAny(SentenceMarks) < 0 || fields[b].Value.IndexOfAny(SentenceMarks) >= 0)
                {
                    continue;
                }

                (fields[a], fields[b]) = ((name, fields[b].Value, fields[a].Line), (text, fields[a].Value, fields[b].Line));
                diagnostics.Info(fields[a].Line, DiagnosticCodes.OrphanText, $"第{fields[a].Line}行：“{Labels.Fields[name][0]}”读到句子、“{Labels.Fields[text][0]}”读到名称，两值互换。");
                return;
            }
        }

        // No goal read at all (its label lost among the list words' cells, gen0-033-chromium): a list field's
        // sentences are the goal.
        var list = fields.FindIndex(f => f.Field is Field.Nature or Field.Category && f.Value.IndexOfAny(SentenceMarks) >= 0);
        if (list >= 0 && !fields.Any(f => f.Field is Field.Goal or Field.ExpectedGoal or Field.Outcome))
        {
            var (field, value, line) = fields[list];
            fields[list] = (field, "", line);
            fields.Add((Field.Goal, value, line));
            diagnostics.Info(line, DiagnosticCodes.OrphanText, $"第{line}行：“{Labels.Fields[field][0]}”读到句子，按“{Labels.Fields[Field.Goal][0]}”读取。");
        }
    }
}
