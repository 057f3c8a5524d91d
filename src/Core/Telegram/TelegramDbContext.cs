using Microsoft.EntityFrameworkCore;
using Monolith.Database;

namespace Monolith.Telegram;

/// <summary>The telegram module's table: telegram_updates, the dedupe record and durable inbox of webhook and polling updates.</summary>
public sealed class TelegramDbContext(DbContextOptions<TelegramDbContext> options) : DbContext(options)
{
    public DbSet<TelegramUpdate> Updates => Set<TelegramUpdate>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<TelegramUpdate>(update =>
        {
            update.ToTable("telegram_updates", t => t.HasCheckConstraint(
                "ck_telegram_updates_status", "status IN ('received', 'done', 'ignored', 'failed')"));
            update.HasKey(u => u.UpdateId);
            update.Property(u => u.UpdateId).ValueGeneratedNever();
            update.Property(u => u.Payload).HasColumnType("jsonb");
            update.Property(u => u.Status).HasMaxLength(20).HasDefaultValue(TelegramUpdateStatus.Received).HasSentinel(TelegramUpdateStatus.Received);
            update.Property(u => u.ReceivedAt).HasDefaultValueSql("now()");
            update.HasIndex(u => u.UpdateId).HasFilter("status = 'received'").HasDatabaseName("ix_telegram_updates_pending");
        });
        SnakeCaseNames.Apply(modelBuilder);
    }
}
