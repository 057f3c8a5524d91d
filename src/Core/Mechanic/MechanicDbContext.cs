using Microsoft.EntityFrameworkCore;
using Monolith.Database;

namespace Monolith.Mechanic;

/// <summary>The Mechanic's tables: schema_changes (proposals and their journal) and dynamic_migrations (the applied history).</summary>
public sealed class MechanicDbContext(DbContextOptions<MechanicDbContext> options) : DbContext(options)
{
    public DbSet<SchemaProposal> Proposals => Set<SchemaProposal>();

    public DbSet<DynamicMigrationRecord> Migrations => Set<DynamicMigrationRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SchemaProposal>(proposal =>
        {
            proposal.ToTable("schema_changes", table => table.HasCheckConstraint(
                "ck_schema_changes_status", "status IN ('rejected', 'pending_review', 'approved', 'applied', 'failed')"));
            proposal.Property(p => p.Id).HasDefaultValueSql("gen_random_uuid()");
            proposal.Property(p => p.Status).HasMaxLength(20);
            proposal.Property(p => p.Actor).HasMaxLength(100);
            proposal.Property(p => p.Request).HasColumnType("jsonb");
            proposal.Property(p => p.ProposedBy).HasColumnType("jsonb").HasDefaultValueSql("'{}'::jsonb");
            proposal.Property(p => p.ReviewedBy).HasColumnType("jsonb");
            proposal.Property(p => p.EntityName).HasMaxLength(100);
            proposal.Property(p => p.TableName).HasMaxLength(63);
            proposal.Property(p => p.MigrationId).HasMaxLength(150);
            proposal.Property(p => p.Steps).HasColumnType("jsonb");
            proposal.Property(p => p.Entities).HasColumnType("jsonb");
            proposal.Property(p => p.Files).HasColumnType("jsonb");
            proposal.Property(p => p.Findings).HasColumnType("jsonb");
            proposal.Property(p => p.BasedOnMigrationId).HasMaxLength(150);
            proposal.Property(p => p.GitCommit).HasMaxLength(40);
            proposal.Property(p => p.Stage).HasMaxLength(20);
            proposal.Property(p => p.Progress).HasColumnType("jsonb").HasDefaultValueSql("'[]'::jsonb");
            proposal.Property(p => p.CreatedAt).HasDefaultValueSql("now()");
            proposal.Property(p => p.UpdatedAt).HasDefaultValueSql("now()");
            proposal.HasIndex(p => new { p.Status, p.CreatedAt });
            proposal.HasIndex(p => p.CreatedAt);
        });
        modelBuilder.Entity<DynamicMigrationRecord>(migration =>
        {
            migration.ToTable("dynamic_migrations");
            migration.HasKey(m => m.Version);
            migration.Property(m => m.Version).ValueGeneratedNever();
            migration.Property(m => m.MigrationId).HasMaxLength(150);
            migration.HasIndex(m => m.MigrationId).IsUnique();
            migration.Property(m => m.Checksum).HasMaxLength(64);
            migration.Property(m => m.AppliedAt).HasDefaultValueSql("now()");
            migration.Property(m => m.EntitySources).HasColumnType("jsonb");
            migration.Property(m => m.Entities).HasColumnType("jsonb");
        });
        SnakeCaseNames.Apply(modelBuilder);
    }
}
