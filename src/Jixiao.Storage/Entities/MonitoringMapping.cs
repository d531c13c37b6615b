using Microsoft.EntityFrameworkCore;

namespace Jixiao.Storage.Entities;

/// <summary>
/// The one mapping of the monitoring tables (<c>monitoring_forms</c>, <c>monitoring_audit</c>), for Storage's own
/// context and for the web app's authoring context, which reads and writes them beside the accounts.
/// </summary>
public static class MonitoringMapping
{
    public static ModelBuilder MapMonitoring(this ModelBuilder b)
    {
        b.Entity<StoredMonitoringForm>(e =>
        {
            e.ToTable("monitoring_forms");
            e.Property(r => r.Version).IsConcurrencyToken();
        });
        b.Entity<StoredMonitoringAudit>(e =>
        {
            e.ToTable("monitoring_audit");
            e.HasOne(a => a.Record).WithMany().HasForeignKey(a => a.MonitoringId);
        });
        foreach (var property in new[] { typeof(StoredMonitoringForm), typeof(StoredMonitoringAudit) }.SelectMany(t => b.Entity(t).Metadata.GetProperties()))
        {
            property.SetColumnName(JixiaoDbContext.SnakeCase(property.Name));
        }

        return b;
    }
}
