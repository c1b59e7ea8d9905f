-- CreateTable
CREATE TABLE "Reflection" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "guideSlug" TEXT,
    "stepId" TEXT,
    "version" INTEGER NOT NULL,
    "keyId" TEXT NOT NULL,
    "ciphertext" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Reflection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReflectionVersion" (
    "id" TEXT NOT NULL,
    "reflectionId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "keyId" TEXT NOT NULL,
    "ciphertext" BYTEA NOT NULL,
    "saveId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReflectionVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Reflection_userId_updatedAt_idx" ON "Reflection"("userId", "updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Reflection_userId_guideSlug_stepId_key" ON "Reflection"("userId", "guideSlug", "stepId");

-- CreateIndex
CREATE INDEX "ReflectionVersion_createdAt_idx" ON "ReflectionVersion"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ReflectionVersion_reflectionId_version_key" ON "ReflectionVersion"("reflectionId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "ReflectionVersion_reflectionId_saveId_key" ON "ReflectionVersion"("reflectionId", "saveId");

-- AddForeignKey
ALTER TABLE "Reflection" ADD CONSTRAINT "Reflection_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReflectionVersion" ADD CONSTRAINT "ReflectionVersion_reflectionId_fkey" FOREIGN KEY ("reflectionId") REFERENCES "Reflection"("id") ON DELETE CASCADE ON UPDATE CASCADE;
