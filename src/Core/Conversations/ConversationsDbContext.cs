using Microsoft.EntityFrameworkCore;
using Monolith.Database;

namespace Monolith.Conversations;

/// <summary>The conversations module's tables: conversations and messages.</summary>
public sealed class ConversationsDbContext(DbContextOptions<ConversationsDbContext> options) : DbContext(options)
{
    public DbSet<Conversation> Conversations => Set<Conversation>();

    public DbSet<Message> Messages => Set<Message>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Conversation>(conversation =>
        {
            conversation.ToTable("conversations", t => t.HasCheckConstraint("ck_conversations_status", "status IN ('open', 'closed')"));
            conversation.Property(c => c.Id).HasDefaultValueSql("gen_random_uuid()");
            conversation.Property(c => c.Title).HasMaxLength(500);
            conversation.Property(c => c.Status).HasMaxLength(20).HasDefaultValue(ConversationStatus.Open).HasSentinel(ConversationStatus.Open);
            conversation.Property(c => c.Metadata).HasColumnType("jsonb").HasDefaultValueSql("'{}'::jsonb");
            conversation.Property(c => c.CreatedAt).HasDefaultValueSql("now()");
            conversation.Property(c => c.UpdatedAt).HasDefaultValueSql("now()");
            conversation.Property(c => c.LastSequence).HasDefaultValue(0L);
            conversation.HasIndex(c => new { c.UserId, c.ChatId });
            conversation.HasIndex(c => new { c.UserId, c.CreatedAt, c.Id });
        });
        modelBuilder.Entity<Message>(message =>
        {
            message.ToTable("messages", t => t.HasCheckConstraint("ck_messages_role", "role IN ('user', 'assistant', 'system', 'tool')"));
            message.Property(m => m.Id).HasDefaultValueSql("gen_random_uuid()");
            message.HasOne<Conversation>().WithMany().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
            message.Property(m => m.Role).HasMaxLength(20);
            message.Property(m => m.Metadata).HasColumnType("jsonb").HasDefaultValueSql("'{}'::jsonb");
            message.Property(m => m.CreatedAt).HasDefaultValueSql("now()");
            message.Property(m => m.SearchVector).HasComputedColumnSql(FullTextLanguages.ContentVector, stored: true);
            message.HasIndex(m => new { m.ConversationId, m.Sequence }).IsUnique();
            message.HasIndex(m => m.SearchVector).HasMethod("gin");
            message.HasIndex(m => m.CreatedAt);
        });
        SnakeCaseNames.Apply(modelBuilder);
    }
}
