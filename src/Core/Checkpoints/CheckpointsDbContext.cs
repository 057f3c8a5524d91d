using Microsoft.EntityFrameworkCore;
using Monolith.Database;

namespace Monolith.Checkpoints;

/// <summary>The checkpoints module's tables: langgraph_checkpoints, checkpoint_blobs and checkpoint_writes.</summary>
public sealed class CheckpointsDbContext(DbContextOptions<CheckpointsDbContext> options) : DbContext(options)
{
    public DbSet<Checkpoint> Checkpoints => Set<Checkpoint>();

    public DbSet<CheckpointWrite> Writes => Set<CheckpointWrite>();

    public DbSet<CheckpointBlob> Blobs => Set<CheckpointBlob>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Checkpoint>(checkpoint =>
        {
            checkpoint.ToTable("langgraph_checkpoints");
            // The natural key is the primary key: one index serves put, get, latest and list (LangGraph's savers key it so too).
            // No index on metadata: a metadata filter runs within a thread on this key; across threads it scans, as in
            // LangGraph's Postgres saver, rather than every put paying for a GIN entry per metadata key.
            checkpoint.HasKey(c => new { c.ThreadId, c.CheckpointNs, c.CheckpointId });
            checkpoint.Property(c => c.ThreadId).HasMaxLength(255);
            checkpoint.Property(c => c.CheckpointNs).HasMaxLength(255).HasDefaultValue(string.Empty).HasSentinel(null);
            // Checkpoint ids sort in time order byte by byte (uuid6 and other opaque ids), whatever the database default collation is.
            checkpoint.Property(c => c.CheckpointId).HasMaxLength(255).UseCollation("C");
            checkpoint.Property(c => c.ParentId).HasMaxLength(255);
            checkpoint.Property(c => c.Data).HasColumnName("checkpoint").HasColumnType("jsonb");
            checkpoint.Property(c => c.Metadata).HasColumnType("jsonb").HasDefaultValueSql("'{}'::jsonb");
            checkpoint.Property(c => c.CreatedAt).HasDefaultValueSql("now()");
        });
        modelBuilder.Entity<CheckpointWrite>(write =>
        {
            write.ToTable("checkpoint_writes");
            write.HasKey(w => new { w.ThreadId, w.CheckpointNs, w.CheckpointId, w.TaskId, w.Idx });
            write.Property(w => w.ThreadId).HasMaxLength(255);
            write.Property(w => w.CheckpointNs).HasMaxLength(255);
            write.Property(w => w.CheckpointId).HasMaxLength(255).UseCollation("C");
            write.Property(w => w.TaskId).HasMaxLength(255);
            write.Property(w => w.TaskPath).HasMaxLength(1000).HasDefaultValue(string.Empty).HasSentinel(null);
            write.Property(w => w.Channel).HasMaxLength(255);
            write.Property(w => w.Value).HasColumnType("jsonb");
            write.Property(w => w.CreatedAt).HasDefaultValueSql("now()");
        });
        modelBuilder.Entity<CheckpointBlob>(blob =>
        {
            blob.ToTable("checkpoint_blobs");
            blob.HasKey(b => new { b.ThreadId, b.CheckpointNs, b.Channel, b.Version });
            blob.Property(b => b.ThreadId).HasMaxLength(255);
            blob.Property(b => b.CheckpointNs).HasMaxLength(255);
            blob.Property(b => b.Channel).HasMaxLength(255);
            blob.Property(b => b.Version).HasMaxLength(255);
            blob.Property(b => b.Value).HasColumnType("jsonb");
        });
        SnakeCaseNames.Apply(modelBuilder);
    }
}
