-- The moderation log stays append-only, with one exception: when an account is
-- deleted, the ids that point at it (as actor or as target) may be set to NULL,
-- and nothing else in the row may change. The record of what was done stays;
-- who it was done to or by is no longer known.
CREATE OR REPLACE FUNCTION "moderation_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND NEW."id" = OLD."id"
     AND NEW."action" = OLD."action"
     AND NEW."commentId" IS NOT DISTINCT FROM OLD."commentId"
     AND NEW."guideSlug" IS NOT DISTINCT FROM OLD."guideSlug"
     AND NEW."reason" IS NOT DISTINCT FROM OLD."reason"
     AND NEW."note" IS NOT DISTINCT FROM OLD."note"
     AND NEW."commentText" IS NOT DISTINCT FROM OLD."commentText"
     AND NEW."detail" IS NOT DISTINCT FROM OLD."detail"
     AND NEW."createdAt" = OLD."createdAt"
     AND (NEW."actorId" IS NOT DISTINCT FROM OLD."actorId" OR NEW."actorId" IS NULL)
     AND (NEW."targetUserId" IS NOT DISTINCT FROM OLD."targetUserId" OR NEW."targetUserId" IS NULL)
  THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'The moderation log is append-only: % is not allowed', TG_OP;
END;
$$;
