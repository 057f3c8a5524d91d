using Microsoft.EntityFrameworkCore;
using Monolith.Database;

namespace Monolith.Audit;

/// <summary>The audit module's tables: audit_log.</summary>
public sealed class AuditDbContext(DbContextOptions<AuditDbContext> options) : DbContext(options)
{
    public DbSet<AuditEntry> Entries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AuditEntry>(entry =>
        {
            entry.ToTable("audit_log");
            entry.Property(e => e.Id).UseIdentityAlwaysColumn();
            entry.Property(e => e.Action).HasMaxLength(50);
            entry.Property(e => e.Actor).HasMaxLength(100);
            entry.Property(e => e.Details).HasColumnType("jsonb").HasDefaultValueSql("'{}'::jsonb");
            entry.Property(e => e.GitCommit).HasMaxLength(40);
            entry.Property(e => e.GitBranch).HasMaxLength(100);
            entry.Property(e => e.Status).HasMaxLength(20).HasDefaultValue("success");
            entry.Property(e => e.CreatedAt).HasDefaultValueSql("now()");
            entry.HasIndex(e => new { e.Action, e.CreatedAt });
            entry.HasIndex(e => e.CreatedAt);
        });
        SnakeCaseNames.Apply(modelBuilder);
    }
}
