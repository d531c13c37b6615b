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
            using (var w = new Utf8JsonWriter(buffer))
            {
                DisclosureJson.WriteForm(w, value);
            }

            FormJson = Encoding.UTF8.GetString(buffer.ToArray());
        }
    }

    public bool Editable => Workflow.Editable(State);
}
