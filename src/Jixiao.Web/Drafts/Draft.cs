using System.Text;
using System.Text.Json;
using Jixiao.Domain.Model;
using Jixiao.Formats.Json;

namespace Jixiao.Web.Drafts;

/// <summary>A target declaration being authored by a unit, kept as the interchange JSON of one form.</summary>
public sealed class Draft
{
    public long Id { get; set; }
    public long UnitId { get; set; }
    public string State { get; set; } = States.Draft;
    public string FormJson { get; set; } = "";
    public int Version { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The target declaration a self-evaluation evaluates, or the approved draft a new version started from.</summary>
    public long? BasedOnId { get; set; }

    /// <summary>While submitted: how many required review steps (<see cref="ReviewSteps"/>) approved it in this round.</summary>
    public int ReviewStep { get; set; }

    /// <summary>The reviewer's notes of the last return (<see cref="ReviewNotes"/> as JSON); null when none are pending.</summary>
    public string? ReviewJson { get; set; }

    public ReviewNotes? Review
    {
        get => ReviewJson is null ? null : JsonSerializer.Deserialize<ReviewNotes>(ReviewJson);
        set => ReviewJson = value is null ? null : JsonSerializer.Serialize(value, ReviewNotes.Options);
    }

    public PerformanceForm Form
    {
        get
        {
            using var json = JsonDocument.Parse(FormJson);
            return DisclosureJson.ReadForm(json.RootElement);
        }

        set
        {
            using var buffer = new MemoryStream();
            // Chinese kept as text (not \u escapes), so the audit log's before/after read as the form does; pages escape it when shown.
            using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                DisclosureJson.WriteForm(w, value);
            }

            FormJson = Encoding.UTF8.GetString(buffer.ToArray());
        }
    }

    public bool Editable => Workflow.Editable(State);

    /// <summary>
    /// Which form the draft is: the top-level <c>kind</c> of the form's JSON, read without reading the rest
    /// (lists show many drafts). An unknown or missing kind throws <see cref="JsonException"/>.
    /// </summary>
    public FormKind Kind => DisclosureJson.ReadKind(FormJson);
}

/// <summary>A reviewer's comments when returning a draft: one for the whole form and any per indicator row (by index).</summary>
public sealed record ReviewNotes(string? Comment, IReadOnlyDictionary<int, string> Indicators)
{
    internal static readonly JsonSerializerOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string? For(int row) => Indicators.TryGetValue(row, out var note) ? note : null;
}
