using Microsoft.EntityFrameworkCore;
using Monolith.Database;

namespace Monolith.Registry;

/// <summary>The registry module's tables: agents, tools and tool_usage.</summary>
public sealed class RegistryDbContext(DbContextOptions<RegistryDbContext> options) : DbContext(options)
{
    public DbSet<Agent> Agents => Set<Agent>();

    public DbSet<Tool> Tools => Set<Tool>();

    public DbSet<ToolUsage> ToolUsages => Set<ToolUsage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Agent>(agent =>
        {
            agent.ToTable("agents");
            agent.Property(a => a.Id).HasDefaultValueSql("gen_random_uuid()");
            agent.Property(a => a.Name).HasMaxLength(100);
            agent.HasIndex(a => a.Name).IsUnique();
            agent.Property(a => a.ConfigPath).IsRequired();
            agent.Property(a => a.IsActive).HasDefaultValue(true).HasSentinel(true);
            agent.Property(a => a.Version).HasDefaultValue(1).HasSentinel(1);
            agent.Property(a => a.CreatedAt).HasDefaultValueSql("now()");
            agent.Property(a => a.UpdatedAt).HasDefaultValueSql("now()");
            agent.Property(a => a.CreatedBy).HasMaxLength(100).HasDefaultValue("system").HasSentinel("system");
        });
        modelBuilder.Entity<Tool>(tool =>
        {
            tool.ToTable("tools");
            tool.Property(t => t.Id).HasDefaultValueSql("gen_random_uuid()");
            tool.Property(t => t.Name).HasMaxLength(100);
            tool.HasIndex(t => t.Name).IsUnique();
            tool.Property(t => t.ModulePath).IsRequired();
            tool.Property(t => t.Schema).HasColumnType("jsonb");
            tool.HasOne(t => t.Agent).WithMany().HasForeignKey(t => t.AgentId).OnDelete(DeleteBehavior.SetNull);
            tool.Property(t => t.IsActive).HasDefaultValue(true).HasSentinel(true);
            tool.Property(t => t.CreatedAt).HasDefaultValueSql("now()");
            tool.Property(t => t.UpdatedAt).HasDefaultValueSql("now()");
        });
        modelBuilder.Entity<ToolUsage>(usage =>
        {
            usage.ToTable("tool_usage");
            usage.Property(u => u.Id).HasDefaultValueSql("gen_random_uuid()");
            usage.HasOne<Tool>().WithMany().HasForeignKey(u => u.ToolId).OnDelete(DeleteBehavior.Cascade);
            usage.Property(u => u.Arguments).HasColumnType("jsonb").HasDefaultValueSql("'{}'::jsonb");
            usage.Property(u => u.Result).HasColumnType("jsonb");
            usage.Property(u => u.ServerName).HasMaxLength(100);
            usage.Property(u => u.CreatedAt).HasDefaultValueSql("now()");
            usage.HasIndex(u => new { u.ToolId, u.CreatedAt });
            usage.HasIndex(u => u.ConversationId);
        });
        SnakeCaseNames.Apply(modelBuilder);
    }
}
