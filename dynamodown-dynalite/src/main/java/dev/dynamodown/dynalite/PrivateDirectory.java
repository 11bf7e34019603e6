package dev.dynamodown.dynalite;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A directory only the current user can write, for files this JVM will run: created with
 * permissions {@code 0700} if missing, and otherwise accepted only if it is a real directory (not
 * a symbolic link, checked without following links), owned by the current user, with permissions
 * exactly {@code 0700}. Anything else is refused, never repaired: a directory of that name that
 * another user made, or loosened, may have been prepared by them.
 * <p>
 * On a file system without POSIX permissions (Windows) the owner and the symbolic-link checks
 * apply and the permissions are not checked: there {@code java.io.tmpdir} is the user's own
 * temporary folder, protected by the ACLs of the user's profile.
 */
final class PrivateDirectory {

	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

	private PrivateDirectory() {
	}

	/**
	 * The directory {@code name} in {@code parent}, created if missing.
	 * @param parent where it lives, e.g. {@code java.io.tmpdir}
	 * @param name its name
	 * @return the directory
	 * @throws DynaliteException if it exists but is not private to the current user, saying what to do
	 * @throws IOException if it cannot be created or read
	 */
	static Path ensure(Path parent, String name) throws IOException {
		Path directory = parent.resolve(name);
		boolean posix = Files.getFileStore(Files.createDirectories(parent))
			.supportsFileAttributeView(PosixFileAttributeView.class);
		try {
			if (posix) {
				Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
			}
			else {
				Files.createDirectory(directory);
			}
		}
		catch (FileAlreadyExistsException ex) {
			// made earlier, by this user or another JVM of theirs: checked below like any other
		}
		String problem = problem(directory, posix);
		if (problem != null) {
			throw new DynaliteException("Refusing to use " + directory + " for the dynalite distribution: " + problem
					+ ". It must be a directory of the current user that only they can write (permissions 700), "
					+ "not a symbolic link. Remove it, or start the JVM with -Djava.io.tmpdir=<a directory of yours>.");
		}
		return directory;
	}

	private static @Nullable String problem(Path directory, boolean posix) throws IOException {
		BasicFileAttributes attributes = posix
				? Files.readAttributes(directory, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
				: Files.readAttributes(directory, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
		if (attributes.isSymbolicLink()) {
			return "it is a symbolic link";
		}
		if (!attributes.isDirectory()) {
			return "it is not a directory";
		}
		UserPrincipal owner = Files.getOwner(directory, LinkOption.NOFOLLOW_LINKS);
		UserPrincipal me = currentUser(directory.getParent());
		if (!owner.equals(me)) {
			return "it belongs to " + owner.getName() + ", not to " + me.getName();
		}
		if (posix && !((PosixFileAttributes) attributes).permissions().equals(OWNER_ONLY)) {
			return "its permissions are " + PosixFilePermissions.toString(((PosixFileAttributes) attributes).permissions())
					+ ", not rwx------";
		}
		return null;
	}

	/**
	 * The user this JVM runs as, as the file system names owners: the owner of a file it creates
	 * (portable, and right also where {@code user.name} has no account entry, as in containers).
	 */
	private static UserPrincipal currentUser(Path writable) throws IOException {
		Path probe = Files.createTempFile(writable, ".dynamodown-owner-", "");
		try {
			return Files.getOwner(probe, LinkOption.NOFOLLOW_LINKS);
		}
		finally {
			Files.deleteIfExists(probe);
		}
	}

}
