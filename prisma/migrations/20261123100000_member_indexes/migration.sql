-- CreateIndex
CREATE INDEX "User_status_suspendedUntil_idx" ON "User"("status", "suspendedUntil");

-- CreateIndex
CREATE INDEX "User_role_idx" ON "User"("role");

